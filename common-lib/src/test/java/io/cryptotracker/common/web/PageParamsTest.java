package io.cryptotracker.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PageParamsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static List<String> errors(String page, String size, String sort) {
        return VALIDATOR.validate(new PageParams(page, size, sort)).stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
    }

    @Test
    void blankAndPaddedValuesAreRead() {
        assertThat(errors(" ", "", null)).isEmpty();
        assertThat(errors(" 2 ", "5", " price,desc ")).isEmpty();
        assertThat(new PageParams(" 2 ", "5", " price,desc ").query(Set.of("price"), "price"))
                .isEqualTo(new PageQuery(2, 5, "price", false));
        assertThat(new PageParams("", null, " ").query(Set.of("rank"), "rank,asc"))
                .isEqualTo(new PageQuery(0, PageQuery.DEFAULT_SIZE, "rank", true));
    }

    @Test
    void aMalformedNumberIsNamedAndHoldsBackTheRangeChecks() {
        assertThat(errors("x", "1000", null)).containsExactly("page: must be a whole number");
        assertThat(errors("1", "99999999999", null)).containsExactly("size: must be a whole number");
    }

    @Test
    void wellFormedNumbersAreCheckedForTheirRange() {
        assertThat(errors("-1", "0", null)).containsExactly("page: must be 0 or more",
                "size: must be between 1 and 200");
        assertThat(errors("0", "201", null)).containsExactly("size: must be between 1 and 200");
        assertThat(errors("0", "200", null)).isEmpty();
    }

    @Test
    void theSortFieldIsTheEndpointsToAllow() {
        assertThatThrownBy(() -> new PageParams(null, null, "colour").query(Set.of("rank"), "rank"))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(ex.properties().get("errors"))
                        .isEqualTo(List.of(new FieldError("sort", "must be one of rank"))));
    }
}
