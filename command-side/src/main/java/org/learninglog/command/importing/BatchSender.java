package org.learninglog.command.importing;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.learninglog.command.DomainRuleViolation;
import org.learninglog.command.UnknownReference;
import org.learninglog.command.story.StoryDayRefused;
import org.learninglog.command.lookup.Lookup;
import org.learninglog.store.engine.CommandReceipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends the commands of a batch of rows through the command gateway, so every rule of every
 * aggregate applies, inside one unit of work of its own: each command runs in a unit of work
 * nested in it, and the events of all of them are stored when it commits, in one write (see the
 * event store's {@code CommitAppender}). A command its aggregate refuses is rolled back alone and
 * reported; the others go on. A dry run rolls the whole batch back: nothing is stored.
 */
final class BatchSender {

    private final CommandGateway commands;
    private final String sentBy;

    BatchSender(CommandGateway commands, String sentBy) {
        this.commands = commands;
        this.sentBy = sentBy;
    }

    /**
     * Sends the batch; returns the refusals. With {@code keep} false nothing is stored. A failure
     * of the store (including a refusal of the whole write) is thrown, with nothing of the batch
     * known to be stored.
     */
    List<CellRefusal> send(List<RowCommand> batch, RowCells rows, boolean keep) {
        List<CellRefusal> refusals = new ArrayList<>();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("import of " + batch.size() + " rows"));
        Lookup.rememberReadsIn(unitOfWork);
        try {
            for (RowCommand row : batch) {
                CellRefusal refusal = sendOne(row, rows);
                if (refusal != null) {
                    refusals.add(refusal);
                }
            }
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        if (keep) {
            unitOfWork.commit();
        } else {
            unitOfWork.rollback();
        }
        return refusals;
    }

    /** Sends one row's command in a unit of work of its own; its refusal, or {@code null}. */
    CellRefusal sendOne(RowCommand row, RowCells rows) {
        int number = row.row().number();
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(row.command()).andMetaData(MetaData.from(
                    Map.of(CommandReceipt.COMMAND_ID, row.id(), CommandReceipt.SENT_BY, sentBy))));
            return null;
        } catch (DomainRuleViolation e) {
            return refusal(rows, number, e.field(), e.getMessage());
        } catch (UnknownReference e) {
            return new CellRefusal(number, null, null, e.getMessage() + " (" + e.field() + ")");
        } catch (StoryDayRefused e) {
            // the row's day: in the future, or before the programme's story begins
            return refusal(rows, number, e.field(), e.getMessage());
        } catch (AggregateNotFoundException e) {
            // a change of a practice the file adopts in a row that was refused
            return refusal(rows, number, "practiceId", "the practice was not adopted: the row where the file first names it was refused");
        }
    }

    private static CellRefusal refusal(RowCells rows, int row, String commandField, String reason) {
        String field = rows.fieldOf(commandField);
        return new CellRefusal(row, rows.cellOf(field, row), field, reason);
    }

}
