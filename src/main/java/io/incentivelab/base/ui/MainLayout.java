package io.incentivelab.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import java.util.Comparator;
import java.util.List;

/** The app shell: a header with the product name and a side navigation of the features' {@link NavigationEntry}s. */
@Layout
public class MainLayout extends AppLayout {

    public MainLayout(List<NavigationEntry> entries) {
        setPrimarySection(Section.DRAWER);
        addToNavbar(true, configureHeader());
        addToDrawer(configureBrand(), configureNavigation(entries));
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

    private SideNav configureNavigation(List<NavigationEntry> entries) {
        SideNav nav = new SideNav();
        nav.setLabel("Navigation");
        // the health endpoint is for load balancers and operators (operations.md), not a page for users
        entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order))
                .forEach(e -> nav.addItem(new SideNavItem(e.label(), e.view(), e.icon().create())));
        return nav;
    }
}
