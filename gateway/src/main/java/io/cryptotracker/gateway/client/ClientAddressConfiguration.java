package io.cryptotracker.gateway.client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one place the gateway decides a client's address, and how it hands that address on. */
@Configuration(proxyBeanMethods = false)
class ClientAddressConfiguration {

    @Bean
    ClientAddressFilter clientAddressFilter(ClientAddressProperties properties) {
        return new ClientAddressFilter(new ClientAddresses(properties.trustedProxies()));
    }

    @Bean
    ClientAddressHeaders clientAddressHeaders() {
        return new ClientAddressHeaders();
    }
}
