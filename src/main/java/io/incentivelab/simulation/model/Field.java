package io.incentivelab.simulation.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one field of the scenario format on its record component: the description, the default
 * (as JSON text, merged under what a file gives) and the allowed range. It is the single source of the
 * JSON reader's defaults, of {@link ScenarioValidator}'s range checks and of the generated JSON Schema.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Field {

    /** What the field means, with its unit. */
    String doc();

    /** The field's name for people in forms; empty = its name in words ({@code horizonDays} → "Horizon days"). */
    String label() default "";

    /** The unit shown after the label in forms ({@code TAO}, {@code blocks}, {@code per day}); empty = none. */
    String unit() default "";

    /** The default as JSON text ({@code 30}, {@code "SPEED"}, {@code {}}); empty = the field is required. */
    String def() default "";

    /** Smallest allowed value (numbers, and the elements of number lists). */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value. */
    double max() default Double.POSITIVE_INFINITY;

    /** True if {@link #min()} itself is not allowed. */
    boolean minExclusive() default false;

    /** Fewest list items. */
    int minItems() default 0;

    /** Most list items. */
    int maxItems() default Integer.MAX_VALUE;

    /**
     * Left out of the full (canonical) form while the value equals {@link #def()}: fields added after a format was
     * in use, so that scenarios which do not use them keep their canonical text and hash.
     */
    boolean omitDefault() default false;
}
