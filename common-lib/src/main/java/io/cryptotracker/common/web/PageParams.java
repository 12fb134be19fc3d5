package io.cryptotracker.common.web;

import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The paging parameters every list endpoint takes, bound from the query string beside the endpoint's own filters
 * and documented here once. Declare it as {@code @Valid @NotNull @ParameterObject PageParams paging}: the
 * {@code @NotNull} (Spring always builds the record) turns on Spring's method validation, which checks all the
 * handler's parameters in one pass, so a bad page and a bad filter are named in one 400. The forms are checked
 * first, the ranges only once the forms are right; the sort field, which each endpoint names, by {@link #query}.
 * Blank values count as absent.
 *
 * @param page the page number from 0, as text so that {@code page=x} is a 400 naming {@code page}
 * @param size items per page, 1 to {@value PageQuery#MAX_SIZE}
 * @param sort {@code field} or {@code field,asc|desc}
 */
@GroupSequence({ PageParams.class, PageParams.Range.class })
public record PageParams(
        @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "0", description = "page number from 0")
        @WholeNumber @Min(value = 0, message = "must be 0 or more", groups = Range.class) String page,
        @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + PageQuery.MAX_SIZE,
                defaultValue = "" + PageQuery.DEFAULT_SIZE, description = "items per page")
        @WholeNumber @Min(value = 1, message = SIZE_RANGE, groups = Range.class)
        @Max(value = PageQuery.MAX_SIZE, message = SIZE_RANGE, groups = Range.class) String size,
        @Schema(description = "a field the list sorts by (the operation names them and its default), optionally "
                + "followed by `,asc` or `,desc`") String sort) {

    private static final String SIZE_RANGE = "must be between 1 and " + PageQuery.MAX_SIZE;

    public PageParams {
        page = text(page);
        size = text(size);
        sort = text(sort);
    }

    /** The checks that run once {@code page} and {@code size} are whole numbers. */
    public interface Range {
    }

    /**
     * The page asked for, in an order of the endpoint's.
     *
     * @param sortable the JSON field names the endpoint sorts by (another is a 400 naming {@code sort})
     * @param defaultSort the order when none is asked for, in the same form as {@code sort}
     */
    public PageQuery query(Set<String> sortable, String defaultSort) {
        return PageQuery.parse(WholeNumber.Validator.parse(page), WholeNumber.Validator.parse(size), sort, sortable,
                defaultSort);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
