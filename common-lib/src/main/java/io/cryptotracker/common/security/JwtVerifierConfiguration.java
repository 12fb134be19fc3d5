package io.cryptotracker.common.security;

import java.net.URI;
import java.time.Clock;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.context.annotation.Bean;

/**
 * A {@link JwtVerifier} for every service that names a JWKS address. A service that holds the keys itself
 * (auth-service) declares its own {@link PublicKeySource} bean instead.
 */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
public class JwtVerifierConfiguration {

    @Bean
    @ConditionalOnMissingBean(PublicKeySource.class)
    @ConditionalOnProperty("cryptotracker.security.jwks-uri")
    RemoteJwks remoteJwks(SecurityProperties properties, ObjectProvider<LoadBalancerClient> loadBalancer) {
        return new RemoteJwks(properties.jwksUri(), lbResolver(loadBalancer), properties.jwksRefresh(),
                properties.jwksMinRefreshInterval(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PublicKeySource.class)
    JwtVerifier jwtVerifier(PublicKeySource keys, SecurityProperties properties) {
        return new JwtVerifier(keys, properties.issuer(), properties.clockSkew());
    }

    /** {@code lb://service/path} becomes the address of one registered instance; other addresses stay as they are. */
    static Function<URI, URI> lbResolver(ObjectProvider<LoadBalancerClient> loadBalancer) {
        return uri -> {
            if (!"lb".equals(uri.getScheme())) {
                return uri;
            }
            LoadBalancerClient client = loadBalancer.getIfAvailable();
            if (client == null) {
                throw new IllegalStateException("lb:// JWKS address but no load balancer on the classpath");
            }
            ServiceInstance instance = client.choose(uri.getHost());
            if (instance == null) {
                throw new IllegalStateException("No instance of " + uri.getHost() + " is registered");
            }
            return client.reconstructURI(instance, URI.create("http://" + uri.getHost() + uri.getRawPath()));
        };
    }
}
