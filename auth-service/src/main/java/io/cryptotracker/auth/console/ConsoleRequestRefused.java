package io.cryptotracker.auth.console;

import io.cryptotracker.common.web.ApiException;
import org.springframework.http.HttpStatus;

/** 403: a console session request without the console's header, or one a browser says another site started. */
class ConsoleRequestRefused extends ApiException {

    ConsoleRequestRefused(String code, String detail) {
        super(HttpStatus.FORBIDDEN, code, "Forbidden", detail);
    }
}
