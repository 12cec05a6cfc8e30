package org.sightline.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.InstalledModel;
import org.sightline.models.ModelEntry;
import org.sightline.models.ModelMessages;
import org.sightline.models.ModelStatus;
import org.sightline.models.ModelStores;
import org.sightline.models.VerifyReport;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sightline models}: list, download, verify, remove and import models in the local cache. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List, download, verify and remove models.",
                "Models live in $SIGHTLINE_MODELS, else $XDG_CACHE_HOME/sightline/models, else ~/.cache/sightline/models.",
                "SIGHTLINE_OFFLINE=1 forbids every download; SIGHTLINE_MODELS_MIRROR sets a download mirror."},
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Pull.class, ModelsCommand.Verify.class,
                ModelsCommand.Remove.class, ModelsCommand.PathOf.class, ModelsCommand.Import.class})
public final class ModelsCommand implements Callable<Integer> {

    static final String BUNDLE = "org.sightline.app.models.messages";
    private static final Messages TEXT = new Messages(BUNDLE);

    @Spec
    CommandSpec spec;

    /** Without a subcommand, {@code models} lists the models. */
    @Override
    public Integer call() {
        return ListModels.print(spec.commandLine().getOut());
    }

    private static CatalogModelStore store() {
        return ModelStores.standard();
    }

    /**
     * Runs {@code work} with a token that Ctrl+C cancels. The exit waits a moment for the work to stop, so that the
     * partial file is closed cleanly (ready to resume) and the progress line is ended.
     */
    private static <T> T interruptible(java.util.function.Function<TaskContext, T> work, Runnable onCancel) {
        CancellationToken token = new CancellationToken();
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            token.cancel();
            try {
                stopped.await(3, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sightline-models-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.apply(TaskContext.of(token, p -> { }));
        } catch (CancelledException e) {
            onCancel.run();
            throw e;
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                // Already shutting down: the hook is running and has been released above.
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the models: id, task, size, whether installed, whether default.")
    static final class ListModels implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return print(spec.commandLine().getOut());
        }

        static int print(PrintWriter out) {
            CatalogModelStore store = store();
            // Bundled models need no download: install them so that they show as installed from the first run.
            for (ModelEntry e : store.catalog().entries()) {
                if (e.bundled() && !store.isInstalled(e.id())) {
                    try {
                        store.require(e.id(), TaskContext.none());
                    } catch (SightlineException ignored) {
                        // Shown as not installed; `models verify` or `models pull` says why.
                    }
                }
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {TEXT.get("list.header.id"), TEXT.get("list.header.task"),
                    TEXT.get("list.header.size"), TEXT.get("list.header.installed"), TEXT.get("list.header.default"),
                    TEXT.get("list.header.name")});
            for (ModelStatus s : store.statuses()) {
                ModelEntry e = s.entry();
                String size = ModelMessages.size(e.size());
                rows.add(new String[] {e.id(), e.task(), e.sizeExact() ? size : TEXT.get("list.approx", size),
                        s.installed() ? TEXT.get("list.yes") : s.partial() ? TEXT.get("list.partial") : TEXT.get("list.no"),
                        e.isDefault() ? TEXT.get("list.yes") : "",
                        e.description().isEmpty() ? e.name() : TEXT.get("list.name", e.name(), e.description())});
            }
            int[] width = new int[rows.get(0).length];
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    width[i] = Math.max(width[i], displayWidth(r[i]));
                }
            }
            for (String[] r : rows) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    sb.append(r[i]);
                    if (i < r.length - 1) {
                        sb.append(" ".repeat(width[i] - displayWidth(r[i]) + 2));
                    }
                }
                out.println(sb.toString().stripTrailing());
            }
            out.println();
            out.println(TEXT.get("list.footer", store.cacheDirectory(), ModelMessages.size(store.bytesOnDisk()),
                    store.config().offline() ? TEXT.get("list.yes") : TEXT.get("list.no")));
            out.flush();
            return ExitCode.OK;
        }

        /** Columns of Chinese text take two cells each in a terminal. */
        private static int displayWidth(String s) {
            return s.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                    || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F) ? 2 : 1).sum();
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Download a model (resuming an interrupted download), with a progress bar on stderr.")
    static final class Pull implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The model id, as `sightline models list` shows it.")
        String id;

        @Override
        public Integer call() {
            CatalogModelStore store = store();
            store.catalog().get(id);
            PrintWriter out = spec.commandLine().getOut();
            if (store.isInstalled(id)) {
                out.println(TEXT.get("pull.already", id, store.directory(id)));
                out.flush();
                return ExitCode.OK;
            }
            ModelsProgressBar bar = new ModelsProgressBar(spec.commandLine().getErr(), System.console() != null);
            InstalledModel m;
            PrintWriter err = spec.commandLine().getErr();
            try {
                m = interruptible(context -> store.pull(id, context, bar), () -> {
                    bar.finish();
                    err.println(TEXT.get("pull.cancelled", id));
                    err.flush();
                });
            } catch (CancelledException e) {
                return ExitCode.INTERNAL;
            } finally {
                bar.finish();
            }
            out.println(TEXT.get("pull.done", id, m.directory()));
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every file of a model (or of every installed model) against its SHA-256.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", arity = "0..1", description = "The model to check; all installed ones if omitted.")
        String id;

        @Override
        public Integer call() {
            CatalogModelStore store = store();
            PrintWriter out = spec.commandLine().getOut();
            List<String> ids = new ArrayList<>();
            if (id != null) {
                ids.add(store.catalog().get(id).id());
            } else {
                for (ModelStatus s : store.statuses()) {
                    if (s.installed() || s.bytesOnDisk() > 0 || s.entry().bundled()) {
                        ids.add(s.entry().id());
                    }
                }
            }
            List<String> damaged = new ArrayList<>();
            List<String> incomplete = new ArrayList<>();
            for (String m : ids) {
                ModelEntry entry = store.catalog().get(m);
                VerifyReport r = store.verify(m, TaskContext.none());
                if (entry.bundled() && !r.ok()) {
                    // Bundled files are (re)installed from the copy inside Sightline; say so if any were damaged.
                    store.require(m, TaskContext.none());
                    if (r.anyCorrupt()) {
                        out.println(TEXT.get("verify.restored", m));
                    }
                    r = store.verify(m, TaskContext.none());
                }
                boolean nothing = r.files().stream().allMatch(f -> f.state() == VerifyReport.State.MISSING);
                if (nothing) {
                    out.println(TEXT.get("verify.notInstalled", m));
                    if (id != null) {
                        incomplete.add(m);
                    }
                    continue;
                }
                if (r.ok()) {
                    out.println(TEXT.get("verify.ok", m, r.files().size()));
                    for (VerifyReport.FileCheck f : r.files()) {
                        if (f.state() == VerifyReport.State.RECORDED) {
                            out.println("  " + TEXT.get("verify.file", f.name(), TEXT.get("verify.state.RECORDED"), ""));
                        }
                    }
                    continue;
                }
                for (VerifyReport.FileCheck f : r.files()) {
                    out.println("  " + TEXT.get("verify.file", f.name(), TEXT.get("verify.state." + f.state().name()),
                            f.actualSha256() == null ? "" : f.actualSha256()).stripTrailing());
                }
                if (r.anyCorrupt()) {
                    damaged.add(m);
                } else {
                    incomplete.add(m);
                }
            }
            out.flush();
            if (!damaged.isEmpty()) {
                throw new SightlineException(Problem.BAD_INPUT, TEXT.get("verify.failed", String.join(" ", damaged)));
            }
            if (!incomplete.isEmpty()) {
                throw new SightlineException(Problem.MODEL_MISSING,
                        TEXT.get("verify.missingOnly", String.join(" ", incomplete)));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true,
            description = "Remove a model from the cache (or every model with --all).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", arity = "0..1", description = "The model to remove.")
        String id;

        @Option(names = "--all", description = "Remove every model.")
        boolean all;

        @Override
        public Integer call() {
            CatalogModelStore store = store();
            PrintWriter out = spec.commandLine().getOut();
            if (all) {
                long before = store.bytesOnDisk();
                store.removeAll();
                out.println(TEXT.get("rm.all", ModelMessages.size(before - store.bytesOnDisk())));
            } else if (id == null) {
                throw new SightlineException(Problem.BAD_INPUT, TEXT.get("rm.needsId"));
            } else {
                store.catalog().get(id);
                long bytes = store.status(id).bytesOnDisk();
                if (bytes == 0 && !Files.exists(store.directory(id))) {
                    out.println(TEXT.get("rm.notInstalled", id));
                } else {
                    store.remove(id);
                    out.println(TEXT.get("rm.done", id, ModelMessages.size(bytes)));
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "path", mixinStandardHelpOptions = true,
            description = {"Print the directory of an installed model, or the cache directory without an ID.",
                    "With --files, print each file as ROLE<TAB>PATH."})
    static final class PathOf implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", arity = "0..1", description = "The model.")
        String id;

        @Option(names = "--files", description = "List each file with its role.")
        boolean files;

        @Override
        public Integer call() {
            CatalogModelStore store = store();
            PrintWriter out = spec.commandLine().getOut();
            if (id == null) {
                out.println(store.cacheDirectory());
                out.flush();
                return ExitCode.OK;
            }
            // Installs bundled models; fails with MODEL_MISSING and the pull command for the others.
            InstalledModel m = store.require(id, TaskContext.none());
            if (files) {
                for (var f : store.catalog().get(id).files()) {
                    out.println(f.role() + "\t" + m.file(f.role()));
                }
            } else {
                out.println(m.directory());
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Register model files obtained another way (another machine, a browser download).",
                    "Each file is looked for in DIR by its cache name or its path in the upstream repository,",
                    "checked against the catalog's SHA-256, and copied into the cache."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The model id.")
        String id;

        @Parameters(index = "1", paramLabel = "DIR", description = "The folder that holds the files.")
        Path dir;

        @Override
        public Integer call() {
            InstalledModel m = store().importFrom(id, dir, TaskContext.none());
            PrintWriter out = spec.commandLine().getOut();
            out.println(TEXT.get("import.done", id, m.directory()));
            out.flush();
            return ExitCode.OK;
        }
    }
}
