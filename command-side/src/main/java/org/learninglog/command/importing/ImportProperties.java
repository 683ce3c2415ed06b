package org.learninglog.command.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The limits of imports ({@code learninglog.import.*}).
 *
 * @param maxFileSize the largest file accepted (20 MB)
 * @param maxRows     the most rows of data in one file (100,000)
 * @param batchSize   rows sent as one unit of work, stored in one write (200; at most 256, the
 *                    most events one write of the store holds, as each row applies one event)
 * @param keptFor     how long an upload is kept without being imported (1 hour)
 * @param maxKept     the most uploads kept at once (20); the oldest is forgotten first
 */
@ConfigurationProperties("learninglog.import")
public record ImportProperties(DataSize maxFileSize, Integer maxRows, Integer batchSize, Duration keptFor,
                               Integer maxKept) {

    public ImportProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
        maxRows = maxRows == null ? 100_000 : maxRows;
        batchSize = batchSize == null ? 200 : Math.max(1, Math.min(256, batchSize));
        keptFor = keptFor == null ? Duration.ofHours(1) : keptFor;
        maxKept = maxKept == null ? 20 : maxKept;
    }

    TableLimits limits() {
        return new TableLimits(maxRows, 64, org.learninglog.command.CommandInput.MAX_TEXT);
    }
}
