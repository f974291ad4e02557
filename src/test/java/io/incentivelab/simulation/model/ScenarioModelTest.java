package io.incentivelab.simulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incentivelab.simulation.model.ScenarioModel.Kind;
import io.incentivelab.simulation.model.ScenarioModel.Property;
import io.incentivelab.simulation.model.ScenarioModel.RecordType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metamodel describes exactly the records the scenario reaches, in declaration order, with their kinds. */
class ScenarioModelTest {

    private final ScenarioModel model = ScenarioModel.get();

    @Test
    void builtOnceAndRootedAtTheScenario() {
        assertThat(ScenarioModel.get()).isSameAs(model);
        assertThat(model.root().type()).isEqualTo(Scenario.class);
        assertThat(model.root().names()).containsExactly(
                Arrays.stream(Scenario.class.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new));
    }

    @Test
    void holdsEveryRecordTheScenarioReachesAndNothingElse() {
        Set<Class<?>> reached = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(Scenario.class));
        while (!todo.isEmpty()) {
            Class<?> t = todo.pop();
            if (!reached.add(t)) {
                continue;
            }
            for (RecordComponent c : t.getRecordComponents()) {
                Class<?> raw = c.getType();
                if (raw == List.class) {
                    raw = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                }
                if (raw.isRecord()) {
                    todo.push(raw);
                }
            }
        }
        assertThat(model.records()).extracting(RecordType::type).containsExactlyInAnyOrderElementsOf(reached);
        assertThat(reached).contains(SubnetSpec.class, NetworkSpec.class, RewardCurveSpec.class);
        assertThatThrownBy(() -> model.record(String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a record of the scenario format");
    }

    @Test
    void propertiesCarryTheirKindsFieldsAndNestedRecords() {
        Property subnets = model.root().property("subnets");
        assertThat(subnets.kind()).isEqualTo(Kind.LIST);
        assertThat(subnets.elementKind()).isEqualTo(Kind.GROUP);
        assertThat(subnets.record()).isSameAs(model.record(SubnetSpec.class));
        assertThat(subnets.valueType()).isEqualTo(SubnetSpec.class);

        RecordType subnet = model.record(SubnetSpec.class);
        Property metric = subnet.property("metric");
        assertThat(metric.kind()).isEqualTo(Kind.CHOICE);
        assertThat(metric.choices()).containsExactly(
                Arrays.stream(Metric.values()).map(Enum::name).toArray(String[]::new));
        assertThat(metric.defaultJson()).isEqualTo(metric.field().def());

        Property curve = subnet.property("rewardCurve");
        assertThat(curve.kind()).isEqualTo(Kind.GROUP);
        assertThat(curve.record().property("alpha").kind()).isEqualTo(Kind.NUMBER);
        assertThat(subnet.property("nope")).isNull();

        Property tempo = model.record(NetworkSpec.class).property("tempo");
        assertThat(tempo.kind()).isEqualTo(Kind.INTEGER);
        assertThat(tempo.hasRange()).isTrue();
    }

    @Test
    void readsValuesAndBuildsRecordsThroughTheCanonicalConstructor() {
        RecordType curve = model.record(RewardCurveSpec.class);
        Object[] values = curve.properties().stream().map(p -> switch (p.kind()) {
            case NUMBER -> 0.25;
            case INTEGER -> 3;
            case CHOICE -> p.raw().getEnumConstants()[0];
            default -> throw new AssertionError(p);
        }).toArray();
        RewardCurveSpec built = (RewardCurveSpec) curve.create(values);
        for (int i = 0; i < values.length; i++) {
            assertThat(curve.properties().get(i).get(built)).isEqualTo(values[i]);
        }
    }
}
