package org.sightline.app.models;

import org.sightline.models.ModelStatus;

/**
 * One line of the model list, already worded for display and for screen readers.
 *
 * @param id the catalog id
 * @param name the model's name
 * @param task the task it serves
 * @param size the download size, marked when it is an estimate
 * @param installed whether every file is in place and verified
 * @param partial whether an interrupted download waits to be resumed
 * @param isDefault whether it is the default for its task
 * @param builtIn whether it ships inside Sightline (then it cannot be removed)
 * @param label the full line a screen reader reads: name, state, size, task and whether it is the default
 */
public record ModelRow(String id, String name, String task, String size, boolean installed, boolean partial,
                       boolean isDefault, boolean builtIn, String label) {

    static ModelRow of(ModelStatus s) {
        var e = s.entry();
        String size = org.sightline.models.ModelMessages.size(e.size());
        if (!e.sizeExact()) {
            size = ModelManagerViewModel.TEXT.get("view.approx", size);
        }
        String state = ModelManagerViewModel.TEXT.get(e.bundled() ? "view.item.builtIn"
                : s.installed() ? "view.item.installed"
                : s.partial() ? "view.item.partial" : "view.item.notInstalled");
        String name = e.description().isEmpty() ? e.name()
                : ModelManagerViewModel.TEXT.get("list.name", e.name(), e.description());
        String label = ModelManagerViewModel.TEXT.get("view.item", name, state, size, e.task(),
                e.isDefault() ? ModelManagerViewModel.TEXT.get("view.item.default", e.task()) : "");
        return new ModelRow(e.id(), e.name(), e.task(), size, s.installed(), s.partial(), e.isDefault(), e.bundled(),
                label);
    }

    @Override
    public String toString() {
        return label;
    }
}
