package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/** Text inputs that send their value after a pause in typing (so saves are debounced). */
final class TextInputs {

    private TextInputs() {
    }

    /** Tells {@code edited} the user's new text once typing paused for {@code millis}; ignores changes from the server. */
    static <F extends HasValue<?, String> & HasValueChangeMode> void onPause(F field, int millis, Consumer<String> edited) {
        field.setValueChangeMode(ValueChangeMode.TIMEOUT);
        field.setValueChangeTimeout(millis);
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                edited.accept(e.getValue());
            }
        });
    }
}
