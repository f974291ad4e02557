package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.incentivelab.base.ui.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notebooks' item in the app shell's navigation. */
@Configuration(proxyBeanMethods = false)
class NotebookNavigation {

    @Bean
    NavigationEntry notebooksNavigation() {
        return new NavigationEntry("Notebooks", HomeView.class, VaadinIcon.NOTEBOOK, 0);
    }
}
