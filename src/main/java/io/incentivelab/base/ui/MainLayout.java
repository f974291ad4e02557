package io.incentivelab.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import io.incentivelab.notebook.ui.HomeView;

/** The app shell: a header with the product name and a side navigation. */
@Layout
public class MainLayout extends AppLayout {

    public MainLayout() {
        setPrimarySection(Section.DRAWER);
        addToNavbar(true, configureHeader());
        addToDrawer(configureBrand(), configureNavigation());
    }

    private HorizontalLayout configureHeader() {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        HorizontalLayout header = new HorizontalLayout(toggle);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return header;
    }

    private H1 configureBrand() {
        H1 brand = new H1("Incentive Lab");
        brand.addClassName("brand");
        return brand;
    }

    private SideNav configureNavigation() {
        SideNav nav = new SideNav();
        nav.setLabel("Navigation");
        // the health endpoint is for load balancers and operators (operations.md), not a page for users
        nav.addItem(new SideNavItem("Notebooks", HomeView.class, VaadinIcon.NOTEBOOK.create()));
        return nav;
    }
}
