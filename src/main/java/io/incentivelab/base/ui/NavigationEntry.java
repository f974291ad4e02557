package io.incentivelab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * An item of the app shell's side navigation, contributed by a feature as a Spring bean, so that the shell
 * imports no feature.
 *
 * @param label what the item reads
 * @param view  the route it opens
 * @param icon  its icon
 * @param order its place among the items, smallest first
 */
public record NavigationEntry(String label, Class<? extends Component> view, VaadinIcon icon, int order) {
}
