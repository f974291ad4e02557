package io.incentivelab;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import io.incentivelab.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point. With a known command as the first argument ({@code yuma}, {@code simulate}, {@code bench}, …)
 * the jar runs that command headless, without Spring or the web server; otherwise it starts the web app.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@Theme("incentive-lab")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        SpringApplication.run(Application.class, args);
    }

    /** The tab icon (without it the browser asks for {@code /favicon.ico}, which is a 404). */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/favicon.svg", "any");
    }
}
