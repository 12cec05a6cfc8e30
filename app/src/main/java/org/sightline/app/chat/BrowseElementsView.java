package org.sightline.app.chat;

import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.sightline.app.AppText;

/**
 * Browse mode's elements on screen, for low-vision users who follow with their eyes what they hear: a short list
 * under the transcript, shown only in browse mode, scrolled to the element browse mode is on, which carries a thick
 * outline. It never takes the focus: the browse keys go to the window, and the list only follows them.
 */
public final class BrowseElementsView {

    /** The outline of the element browse mode is on: thick, and dark on light and light on dark alike. */
    static final double OUTLINE_WIDTH = 4;
    /** Black on pale yellow inside a black frame: the strongest contrast, whatever the theme's selection colour. */
    private static final String OUTLINE = "-fx-border-color: #000000; -fx-border-width: " + OUTLINE_WIDTH
            + "; -fx-background-color: #fff2a8; -fx-text-fill: #000000; -fx-font-weight: bold;";
    /** Rows shown at once: enough to see the neighbours, few enough to leave the transcript its room. */
    private static final int ROWS = 5;
    /** A row's height: a line of text with room for the outline above and below it. */
    private static final double ROW_HEIGHT = 40;

    private final ListView<String> list = new ListView<>();

    BrowseElementsView(ChatViewModel model) {
        list.setId("browseElements");
        list.setFocusTraversable(false);
        list.setAccessibleText(AppText.get("chat.browseElements"));
        list.setAccessibleRole(AccessibleRole.LIST_VIEW);
        list.setItems(model.browseElements());
        list.setFixedCellSize(ROW_HEIGHT);
        list.setPrefHeight(ROWS * ROW_HEIGHT + 2);
        list.setMinHeight(ROWS * ROW_HEIGHT + 2);
        list.setCellFactory(v -> new OutlinedCell());
        list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.browseElements()));
        list.managedProperty().bind(list.visibleProperty());
        model.browsePositionProperty().addListener((obs, was, at) -> follow(at.intValue()));
    }

    private void follow(int at) {
        if (at < 0) {
            list.getSelectionModel().clearSelection();
            return;
        }
        list.getSelectionModel().select(at);
        // Two rows of what came before stay in view above it.
        list.scrollTo(Math.max(0, at - 2));
    }

    Node root() {
        return list;
    }

    /** The list; for tests. */
    public ListView<String> list() {
        return list;
    }

    /** The cell of the element browse mode is on, while it is shown; for tests. */
    public java.util.Optional<ListCell<?>> outlined() {
        return list.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && c.isSelected() && !c.isEmpty() && c.isVisible())
                .<ListCell<?>>map(n -> (ListCell<?>) n).findFirst();
    }

    private static final class OutlinedCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            updateOutline();
        }

        @Override
        public void updateSelected(boolean selected) {
            super.updateSelected(selected);
            updateOutline();
        }

        private void updateOutline() {
            setStyle(isSelected() && !isEmpty() ? OUTLINE : "");
        }
    }
}
