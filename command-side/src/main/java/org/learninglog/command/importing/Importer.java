package org.learninglog.command.importing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.learninglog.command.insight.RecordInsightCommand;
import org.learninglog.command.lookup.Lookup;
import org.learninglog.command.lookup.LookupUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs imports and dry runs, one at a time, on a thread of its own, batch by batch: a batch's
 * insights, then the changes of practice its rows carry. Rows whose insight is registered already
 * (an earlier import of the same file) are not sent again, nor practices adopted or changed already. If the
 * store refuses a batch's write (after a crash, a row may be stored while the lookup has not
 * heard of it yet), the batch is done again row by row: a row found in the store is counted as
 * recorded already, and the lookup is given its events, which it takes idempotently.
 */
@Component
public class Importer implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    private final CommandGateway commands;
    private final Lookup lookup;
    private final EventStore events;
    private final AnnotationEventHandlerAdapter lookupUpdater;
    private final ImportProperties properties;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "import");
        thread.setDaemon(true);
        return thread;
    });

    public Importer(CommandGateway commands, Lookup lookup, EventStore events, LookupUpdater lookupUpdater,
                    ImportProperties properties, Clock clock) {
        this.commands = commands;
        this.lookup = lookup;
        this.events = events;
        this.lookupUpdater = new AnnotationEventHandlerAdapter(lookupUpdater);
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends every row's command and stores nothing: what the import would do now. */
    DryRun dryRun(UploadedFile file, ColumnMapping mapping, String actor) {
        InsightRows rows = new InsightRows(file, mapping, actor);
        PracticeRows practices = new PracticeRows(file, mapping, actor);
        ImportRun tally = new ImportRun(file.table().rows().size(), clock);
        try {
            worker.submit(() -> go(file, rows, practices, new BatchSender(commands, actor), false, tally)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The dry run was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
        ImportProgress done = tally.progress();
        return new DryRun(done.rowsTotal(), done.recorded(), done.alreadyRecorded(), done.refused(), done.practiceChanges(),
                done.practiceChangesAlreadyRecorded(), done.refusals());
    }

    /** Starts the import; its progress is the returned run's. */
    ImportRun start(UploadedFile file, ColumnMapping mapping, String actor) {
        InsightRows rows = new InsightRows(file, mapping, actor);
        PracticeRows practices = new PracticeRows(file, mapping, actor);
        ImportRun run = new ImportRun(file.table().rows().size(), clock);
        worker.submit(() -> {
            try {
                go(file, rows, practices, new BatchSender(commands, actor), true, run);
                run.finished();
                LOG.info("Import {} into place {}: {}", file.importId(), file.placeId(), run.progress().recorded());
            } catch (RuntimeException e) {
                LOG.warn("Import {} into place {} stopped", file.importId(), file.placeId(), e);
                run.failed("The import stopped (" + e.getClass().getSimpleName() + "); run it again: the rows recorded"
                        + " so far are recognised and not recorded twice.");
            }
        });
        return run;
    }

    private void go(UploadedFile file, InsightRows rows, PracticeRows practices, BatchSender sender, boolean keep, ImportRun tally) {
        List<ImportRow> all = file.table().rows();
        for (int from = 0; from < all.size(); from += properties.batchSize()) {
            List<ImportRow> batch = all.subList(from, Math.min(all.size(), from + properties.batchSize()));
            List<RowCommand> sendable = new ArrayList<>(batch.size());
            List<RowCommand> changes = new ArrayList<>();
            List<CellRefusal> refusals = new ArrayList<>();
            for (ImportRow row : batch) {
                Object command = rows.command(row);
                Object change = command instanceof RowCommand insight
                        ? practices.command(row, (RecordInsightCommand) insight.command()) : null;
                if (command instanceof CellRefusal refused) {
                    refusals.add(refused);
                } else if (change instanceof CellRefusal refused) {
                    refusals.add(refused); // half a change of practice: the row is refused whole, as for any cell
                } else {
                    sendable.add((RowCommand) command);
                    if (change != null) {
                        changes.add((RowCommand) change);
                    }
                }
            }
            Set<String> known = lookup.registered(Lookup.Kind.INSIGHT, sendable.stream().map(RowCommand::id).toList());
            List<RowCommand> fresh = sendable.stream().filter(row -> !known.contains(row.id())).toList();
            int foundStored = 0;
            List<CellRefusal> refusedByRules;
            try {
                refusedByRules = sender.send(fresh, rows, keep);
            } catch (RuntimeException storeRefused) {
                if (!keep) {
                    throw storeRefused;
                }
                LOG.info("Import {}: the store refused a batch from row {} ({}); its rows go one by one", file.importId(),
                        batch.get(0).number(), storeRefused.toString());
                refusedByRules = new ArrayList<>();
                for (RowCommand row : fresh) {
                    if (storedAlready(row.id())) {
                        foundStored++;
                    } else {
                        CellRefusal refusal = sender.sendOne(row, rows);
                        if (refusal != null) {
                            refusedByRules.add(refusal);
                        }
                    }
                }
            }
            refusals.addAll(refusedByRules);
            tally.batchDone(batch.size(), fresh.size() - refusedByRules.size() - foundStored,
                    known.size() + foundStored, refusals);
            Set<Integer> refusedRows = refusedByRules.stream().map(CellRefusal::row).collect(Collectors.toSet());
            sendChanges(changes.stream().filter(change -> !refusedRows.contains(change.row().number())).toList(),
                    practices, sender, keep, tally);
        }
    }

    /**
     * Sends the changes of practice of a batch's rows, once the batch's insights are stored (each
     * cites its row's insight, which the practice's rules look up), in a unit of work of their own.
     * Practices adopted, and changes made, by an earlier import of the file are left as they are.
     * A dry run counts them only: their insights are not stored, so their rules cannot be asked.
     */
    private void sendChanges(List<RowCommand> changes, PracticeRows practices, BatchSender sender, boolean keep, ImportRun tally) {
        if (changes.isEmpty()) {
            return;
        }
        Set<String> adopted = lookup.registered(Lookup.Kind.PRACTICE,
                changes.stream().filter(PracticeRows::adopts).map(RowCommand::id).toList());
        Map<String, List<String>> madeBefore = new HashMap<>();
        List<RowCommand> fresh = new ArrayList<>();
        for (RowCommand change : changes) {
            if (!PracticeRows.adopts(change) && madeBefore(madeBefore, change).contains(change.id())) {
                continue;
            }
            if (!adopted.contains(change.id())) {
                fresh.add(change);
            }
        }
        int foundBefore = changes.size() - fresh.size();
        if (!keep) {
            tally.changesDone(fresh.size(), foundBefore, List.of());
            return;
        }
        int foundStored = 0;
        List<CellRefusal> refused;
        try {
            refused = sender.send(fresh, practices, true);
        } catch (RuntimeException storeRefused) {
            LOG.info("Import: the store refused a batch of changes of practice ({}); they go one by one", storeRefused.toString());
            refused = new ArrayList<>();
            for (RowCommand change : fresh) {
                // the practice's events, if stored, are given to the lookup again: then it knows its adoption and changes
                boolean practiceStored = storedAlready(PracticeRows.practiceOf(change));
                if (practiceStored && (PracticeRows.adopts(change) || lookup.find(Lookup.Kind.PRACTICE, PracticeRows.practiceOf(change))
                        .map(practice -> practice.adaptations().contains(change.id())).orElse(false))) {
                    foundStored++;
                } else {
                    CellRefusal refusal = sender.sendOne(change, practices);
                    if (refusal != null) {
                        refused.add(refusal);
                    }
                }
            }
        }
        tally.changesDone(fresh.size() - refused.size() - foundStored, foundBefore + foundStored, refused);
    }

    /** The changes the lookup knows a change's practice to have (read once a batch per practice). */
    private List<String> madeBefore(Map<String, List<String>> read, RowCommand change) {
        return read.computeIfAbsent(PracticeRows.practiceOf(change), practiceId -> lookup.find(Lookup.Kind.PRACTICE, practiceId)
                .map(practice -> practice.adaptations()).orElse(List.of()));
    }

    /** Whether the insight's events are in the store; if so, the lookup is given them again. */
    private boolean storedAlready(String insightId) {
        DomainEventStream stored = events.readEvents(insightId);
        boolean found = false;
        while (stored.hasNext()) {
            DomainEventMessage<?> event = stored.next();
            found = true;
            try {
                lookupUpdater.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("The lookup could not be repaired from " + event.getPayloadType(), e);
            }
        }
        return found;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
