package io.cryptotracker.launcher;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command-line options: {@code --fresh} wipes the local data first, {@code --only a,b} starts just those services
 * (discovery always runs), {@code --train} makes the start-up archives a build lacks and exits, {@code --help}.
 */
public record LaunchOptions(boolean fresh, boolean help, Set<SuiteService> services, boolean train) {

    public LaunchOptions(boolean fresh, boolean help, Set<SuiteService> services) {
        this(fresh, help, services, false);
    }

    public static LaunchOptions parse(String... args) {
        boolean fresh = false;
        boolean help = false;
        boolean train = false;
        Set<SuiteService> services = new LinkedHashSet<>(List.of(SuiteService.values()));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--fresh")) {
                fresh = true;
            }
            else if (arg.equals("--train")) {
                train = true;
            }
            else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            }
            else if (arg.equals("--only") || arg.startsWith("--only=")) {
                String list = arg.startsWith("--only=") ? arg.substring("--only=".length())
                        : (i + 1 < args.length ? args[++i] : "");
                services = only(list);
            }
            else {
                throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        if (train && (fresh || services.size() < SuiteService.values().length)) {
            throw new IllegalArgumentException("--train starts every service on the data kept; it takes no other option");
        }
        return new LaunchOptions(fresh, help, services, train);
    }

    private static Set<SuiteService> only(String list) {
        Set<SuiteService> chosen = new LinkedHashSet<>();
        chosen.add(SuiteService.DISCOVERY);
        List<String> unknown = new ArrayList<>();
        for (String name : list.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            SuiteService.named(name.trim()).ifPresentOrElse(chosen::add, () -> unknown.add(name.trim()));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown service(s) for --only: " + String.join(", ", unknown));
        }
        return chosen;
    }

    public static String usage() {
        StringBuilder text = new StringBuilder();
        text.append("""
                Usage: deploy/local/run.sh [--fresh] [--only SERVICE[,SERVICE...]] [--no-build] [--help]
                   or: java -jar deploy/local/launcher/target/local-launcher-<version>.jar [same, without --no-build]
                   or: java -jar deploy/local/launcher/target/local-launcher-<version>.jar --train

                Starts embedded PostgreSQL 17, Redis and Kafka, then discovery, the gateway and every service, each
                in its own JVM, and prints the gateway URL. Ctrl-C (or SIGTERM) stops everything.

                  --fresh        wipe deploy/local/.data (databases, dev signing key) before starting
                  --only LIST    start only these services (discovery always runs), e.g. --only gateway,auth-service
                  --train        make the start-up archives the jars lack (STARTUP_ARCHIVE): start every service once,
                                 stop it when healthy, check what it wrote, exit; nothing to do when all are there.
                                 deploy/local/run.sh runs this after it builds, as part of the build
                  --help         this text

                Logs: deploy/local/logs/<service>.log (infrastructure.log, postgres.log for the servers).
                Environment variables (default in brackets):
                """);
        for (String line : LauncherSettings.describeVariables()) {
            text.append("  ").append(line).append('\n');
        }
        text.append("Services: ");
        text.append(String.join(", ", java.util.Arrays.stream(SuiteService.values()).map(SuiteService::serviceName)
                .toList()));
        text.append('\n');
        return text.toString();
    }
}
