package io.cryptotracker.launcher;

import java.nio.file.Path;

/** A service that exited or did not become healthy in time, with the end of its log. */
public class ServiceFailure extends RuntimeException {

    private final String service;
    private final Path logFile;
    private final String logTail;

    public ServiceFailure(String service, String reason, Path logFile, String logTail) {
        super(service + " " + reason);
        this.service = service;
        this.logFile = logFile;
        this.logTail = logTail;
    }

    public String service() {
        return service;
    }

    public Path logFile() {
        return logFile;
    }

    public String logTail() {
        return logTail;
    }

    /** The reason, the log file and its last lines, ready to print. */
    public String report() {
        return getMessage() + "\n--- last lines of " + logFile + " ---\n" + logTail + "\n--- end of " + service
                + " log ---";
    }
}
