package io.cryptotracker.common.scheduling;

import java.util.function.IntSupplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scheduled job on one replica at a time: every replica may trigger it, the one that gets the job's
 * PostgreSQL advisory lock runs it, the others skip this round. The lock is held for the job's transaction and
 * released by commit, rollback or a lost connection, so a crashed replica never blocks the job.
 */
public class ClusterJobs {

    static final int LOCK_NAMESPACE = 0x0B0C_0003;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public ClusterJobs(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Runs the job inside one transaction if no other replica is running it now.
     *
     * @param job a stable name, e.g. {@code "user-service.expire-subscriptions"}
     * @return true if it ran here, false if another replica holds it
     */
    public boolean runExclusively(String job, Runnable task) {
        Boolean ran = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?, hashtext(?))", Boolean.class,
                    LOCK_NAMESPACE, job);
            if (!Boolean.TRUE.equals(locked)) {
                return false;
            }
            task.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    /**
     * Runs a clean-up job slice by slice, each slice in its own exclusive transaction so no long lock is held, until
     * a slice deletes fewer than {@code sliceSize} rows or another replica holds the job.
     *
     * @param deleteSlice deletes at most {@code sliceSize} rows and returns how many it deleted
     * @return how many rows were deleted here
     */
    public int deleteInSlices(String job, int sliceSize, IntSupplier deleteSlice) {
        int removed = 0;
        int[] slice = new int[1];
        do {
            slice[0] = 0;
            runExclusively(job, () -> slice[0] = deleteSlice.getAsInt());
            removed += slice[0];
        }
        while (slice[0] == sliceSize);
        return removed;
    }
}
