package io.cryptotracker.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Paging and sorting of a list request, checked: {@code page} from 0, {@code size} 1 to {@value #MAX_SIZE} (20 when
 * absent), {@code sort=field,asc|desc} with a field the endpoint allows. Anything else is a 400 naming the parameter.
 *
 * @param sortField a JSON field name from the endpoint's allowed set
 */
public record PageQuery(int page, int size, String sortField, boolean ascending) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public long offset() {
        return (long) page * size;
    }

    /**
     * @param sort {@code field} or {@code field,asc|desc}; null for {@code defaultSort}
     * @param defaultSort the sort when none is asked for, in the same form
     */
    public static PageQuery parse(Integer page, Integer size, String sort, Set<String> sortable, String defaultSort) {
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = page == null ? 0 : page;
        if (pageNumber < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        String[] parts = (sort == null || sort.isBlank() ? defaultSort : sort).split(",", -1);
        String field = parts[0].trim();
        boolean ascending = true;
        if (!sortable.contains(field)) {
            errors.add(new FieldError("sort", "must be one of " + String.join(", ", sortable.stream().sorted().toList())));
        }
        if (parts.length > 2) {
            errors.add(new FieldError("sort", "must be field or field,asc or field,desc"));
        }
        else if (parts.length == 2) {
            String direction = parts[1].trim().toLowerCase(Locale.ROOT);
            if (!direction.equals("asc") && !direction.equals("desc")) {
                errors.add(new FieldError("sort", "direction must be asc or desc"));
            }
            ascending = direction.equals("asc");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PageQuery(pageNumber, pageSize, field, ascending);
    }
}
