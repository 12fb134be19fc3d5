package io.cryptotracker.signals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Arbitrage signal detection, Telegram ingestion and the query API. */
@SpringBootApplication
public class SignalsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SignalsApplication.class, args);
    }
}
