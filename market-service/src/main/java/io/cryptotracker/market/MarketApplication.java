package io.cryptotracker.market;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Market data from CoinMarketCap, exchanges and DEXes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MarketApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarketApplication.class, args);
    }
}
