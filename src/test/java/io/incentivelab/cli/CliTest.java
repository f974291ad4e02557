package io.incentivelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The dispatcher: built-in commands, and bench joining from its own source set through the service file. */
class CliTest {

    @Test
    void benchJoinsTheCommandsFromTheBenchSourceSet() {
        assertThat(Cli.commandNames()).contains("simulate", "validate", "schema", "experiment", "yuma", "bench");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"bench", "--workload", "no-such-workload"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--workload: unknown workload no-such-workload")
                .contains("yuma3-epoch-64x256");
    }

    @Test
    void helpListsEveryRegisteredCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli.printHelp(new PrintStream(out, true, StandardCharsets.UTF_8));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String name : Cli.commandNames()) {
            assertThat(help).as(name).contains("\n  " + name + " ");
        }
    }
}
