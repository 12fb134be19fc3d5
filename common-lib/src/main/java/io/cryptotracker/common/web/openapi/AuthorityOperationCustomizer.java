package io.cryptotracker.common.web.openapi;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * Marks the operations whose handler checks more than a valid token ({@code @PreAuthorize} on the method or its
 * class): {@link ApiDocumentCustomizer} documents their 403 and drops the mark.
 */
class AuthorityOperationCustomizer implements GlobalOperationCustomizer {

    static final String CHECKS_AUTHORITY = "x-cryptotracker-checks-authority";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class)) {
            operation.addExtension(CHECKS_AUTHORITY, true);
        }
        return operation;
    }
}
