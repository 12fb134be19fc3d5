package io.cryptotracker.signals.query;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters bind with Spring Boot's converters: {@code status=open} reads as {@code OPEN}, as it always did. */
@Configuration(proxyBeanMethods = false)
class QueryBinding implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        ApplicationConversionService.addApplicationConverters(registry);
    }
}
