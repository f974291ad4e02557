package io.incentivelab.simulation.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario format's metamodel: every record of the format with its properties in declaration order, each with
 * its kind, its {@link Field} annotation, its accessor and, for a group or a list of groups, the nested record.
 * It is built once, by reflection over {@link Scenario} and the records it reaches, and is immutable; the JSON codec,
 * the JSON Schema, the validator's range checks and the notebook's scenario forms all read it, so that the format has
 * one description.
 */
public final class ScenarioModel {

    /** What a property holds. */
    public enum Kind { INTEGER, NUMBER, BOOLEAN, TEXT, CHOICE, GROUP, LIST }

    private static final ScenarioModel INSTANCE = new ScenarioModel();

    private final Map<Class<?>, RecordType> records = new LinkedHashMap<>();
    private final RecordType root;

    private ScenarioModel() {
        root = build(Scenario.class);
    }

    /** The model of the scenario format. */
    public static ScenarioModel get() {
        return INSTANCE;
    }

    /** The scenario record. */
    public RecordType root() {
        return root;
    }

    /** Every record of the format (nested records before the records that hold them). */
    public Collection<RecordType> records() {
        return Collections.unmodifiableCollection(records.values());
    }

    /** The model of one record of the format; throws if the type is not part of it. */
    public RecordType record(Class<?> type) {
        RecordType r = records.get(type);
        if (r == null) {
            throw new IllegalArgumentException(type.getName() + " is not a record of the scenario format");
        }
        return r;
    }

    private RecordType build(Class<?> type) {
        RecordType known = records.get(type);
        if (known != null) {
            return known;
        }
        RecordComponent[] comps = type.getRecordComponents();
        List<Property> props = new ArrayList<>(comps.length);
        for (RecordComponent c : comps) {
            Type generic = c.getGenericType();
            Class<?> raw = c.getType();
            Kind kind = kindOf(raw);
            Class<?> element = null;
            Kind elementKind = null;
            RecordType nested = null;
            if (kind == Kind.LIST) {
                element = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
                elementKind = kindOf(element);
                if (elementKind == Kind.LIST) {
                    throw new IllegalStateException("lists of lists are not part of the format: " + type + "." + c.getName());
                }
                nested = elementKind == Kind.GROUP ? build(element) : null;
            } else if (kind == Kind.GROUP) {
                nested = build(raw);
            }
            Class<?> valueType = kind == Kind.LIST ? element : raw;
            List<String> choices = valueType.isEnum()
                    ? Arrays.stream(valueType.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList() : List.of();
            props.add(new Property(c.getName(), kind, raw, element, elementKind, c.getAnnotation(Field.class),
                    c.getAccessor(), nested, choices));
        }
        Constructor<?> ctor;
        try {
            ctor = type.getDeclaredConstructor(Arrays.stream(comps).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor of " + type.getSimpleName(), e);
        }
        RecordType r = new RecordType(type, List.copyOf(props), ctor);
        records.put(type, r);
        return r;
    }

    private static Kind kindOf(Class<?> raw) {
        if (raw == int.class || raw == Integer.class) {
            return Kind.INTEGER;
        }
        if (raw == double.class || raw == Double.class) {
            return Kind.NUMBER;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (raw == String.class) {
            return Kind.TEXT;
        }
        if (raw.isEnum()) {
            return Kind.CHOICE;
        }
        if (raw.isRecord()) {
            return Kind.GROUP;
        }
        if (raw == List.class) {
            return Kind.LIST;
        }
        throw new IllegalStateException("unsupported scenario field type " + raw);
    }

    /** One record of the format. */
    public static final class RecordType {

        private final Class<?> type;
        private final List<Property> properties;
        private final Map<String, Property> byName;
        private final List<String> names;
        private final Constructor<?> constructor;

        RecordType(Class<?> type, List<Property> properties, Constructor<?> constructor) {
            this.type = type;
            this.properties = properties;
            Map<String, Property> m = new LinkedHashMap<>();
            properties.forEach(p -> m.put(p.name(), p));
            this.byName = Collections.unmodifiableMap(m);
            this.names = List.copyOf(m.keySet());
            this.constructor = constructor;
        }

        public Class<?> type() {
            return type;
        }

        /** The properties in declaration order (the order of the JSON form). */
        public List<Property> properties() {
            return properties;
        }

        /** The property of this name, or null. */
        public Property property(String name) {
            return byName.get(name);
        }

        /** The property names in declaration order. */
        public List<String> names() {
            return names;
        }

        /** A new record from its property values in declaration order. */
        public Object create(Object[] values) {
            try {
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
            }
        }
    }

    /**
     * One property of a record.
     *
     * @param name        the record component's (and JSON field's) name
     * @param kind        what it holds
     * @param raw         its Java type
     * @param element     the element type of a LIST, else null
     * @param elementKind the element kind of a LIST, else null
     * @param field       its documentation, default and range, or null for an undocumented property
     * @param accessor    the record's accessor
     * @param record      the nested record of a GROUP or of a LIST of groups, else null
     * @param choices     the allowed names of a CHOICE (or of a LIST of choices), in declaration order
     */
    public record Property(String name, Kind kind, Class<?> raw, Class<?> element, Kind elementKind, Field field,
            Method accessor, RecordType record, List<String> choices) {

        /** The property's value on a record of its owner type. */
        public Object get(Object owner) {
            try {
                return accessor.invoke(owner);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        /** The default as JSON text, or null when the property is required (or undocumented). */
        public String defaultJson() {
            return field == null || field.def().isEmpty() ? null : field.def();
        }

        /** The kind of its values: the element kind of a LIST, else its own. */
        public Kind valueKind() {
            return kind == Kind.LIST ? elementKind : kind;
        }

        /** The Java type of its values: the element type of a LIST, else its own. */
        public Class<?> valueType() {
            return kind == Kind.LIST ? element : raw;
        }

        /** True if the field declares a lower or an upper bound. */
        public boolean hasRange() {
            return field != null && (field.min() != Double.NEGATIVE_INFINITY || field.max() != Double.POSITIVE_INFINITY);
        }
    }
}
