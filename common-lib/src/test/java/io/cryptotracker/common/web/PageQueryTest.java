package io.cryptotracker.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PageQueryTest {

    private static final Set<String> SORTABLE = Set.of("rank", "price");

    @Test
    void absentParametersMeanTheFirstPageOfTwentyInTheDefaultOrder() {
        PageQuery query = PageQuery.parse(null, null, null, SORTABLE, "rank,asc");

        assertThat(query).isEqualTo(new PageQuery(0, 20, "rank", true));
        assertThat(query.offset()).isZero();
    }

    @Test
    void sortFieldAndDirectionAreRead() {
        assertThat(PageQuery.parse(3, 50, "price,desc", SORTABLE, "rank")).isEqualTo(new PageQuery(3, 50, "price", false));
        assertThat(PageQuery.parse(0, 200, "price", SORTABLE, "rank").ascending()).isTrue();
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        assertThatThrownBy(() -> PageQuery.parse(-1, 201, "secret_column,sideways", SORTABLE, "rank"))
                .isInstanceOfSatisfying(ValidationException.class, ex -> {
                    @SuppressWarnings("unchecked")
                    List<FieldError> errors = (List<FieldError>) ex.properties().get("errors");
                    assertThat(errors).extracting(FieldError::field).containsExactly("page", "size", "sort", "sort");
                });
    }

    @Test
    void totalPagesRoundUp() {
        PageQuery query = PageQuery.parse(0, 20, null, SORTABLE, "rank");

        assertThat(PageResponse.of(List.of("a"), query, 41).totalPages()).isEqualTo(3);
        assertThat(PageResponse.of(List.of(), query, 0).totalPages()).isZero();
    }
}
