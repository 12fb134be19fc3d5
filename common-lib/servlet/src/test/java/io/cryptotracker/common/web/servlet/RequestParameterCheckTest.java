package io.cryptotracker.common.web.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotracker.common.web.FieldError;
import org.junit.jupiter.api.Test;

class RequestParameterCheckTest {

    @Test
    void undecodableQueryParametersAreNamed() {
        assertThat(RequestParameterCheck.undecodable("page=1&chain=sol%C3%28&q=%ED%A0%80"))
                .extracting(FieldError::field).containsExactly("chain", "q");
    }
}
