# Load this data package into R, with the types its datapackage.json declares.
#
# Needs the readr and jsonlite packages (nothing else). Keep this file next to datapackage.json.
#
#   source("load.R")
#   tables <- parlex_load("path/to/package")         # named list of tibbles, one per table
#   meetings <- parlex_load_table("meetings", "path/to/package")
#
#   Rscript load.R [PACKAGE_DIR]                      # prints each table's rows and column types
#
# Types, from each field's declaration in the Table Schema:
#   string -> character, integer -> integer, boolean -> logical, date -> Date (YYYY-MM-DD),
#   string with categories -> factor with exactly those levels (ordered if categoriesOrdered).
# Only an empty cell is a missing value: text such as "NA" or "null" stays text. Leading and
# trailing spaces are part of the values (readr's default trim_ws = TRUE would strip them).
# A value that does not fit its declared type (or is not one of its categories) is an error,
# not a silent NA.
#
# Integrity: every CSV file is checked against the byte count the descriptor gives, and against
# its sha256 hash when a sha256 tool is on the PATH (`sha256sum`, or `shasum -a 256` on macOS):
# base R has only tools::md5sum, and readr/jsonlite compute no digests. Without such a tool the
# hash check is skipped with a warning (the byte count is still checked).

parlex_read_descriptor <- function(path = ".") {
  file <- file.path(path, "datapackage.json")
  if (!file.exists(file)) stop(sprintf("no datapackage.json in '%s': pass the package folder", normalizePath(path, mustWork = FALSE)), call. = FALSE)
  jsonlite::fromJSON(file, simplifyVector = FALSE)
}

parlex_table_resources <- function(descriptor) {
  resources <- Filter(function(r) identical(r$type, "table") && identical(r$format, "csv"), descriptor$resources)
  stats::setNames(resources, vapply(resources, function(r) r$name, character(1)))
}

parlex_sha256 <- function(file) {
  tool <- Sys.which(c("sha256sum", "shasum"))
  if (nzchar(tool[[1]])) {
    out <- suppressWarnings(system2(tool[[1]], shQuote(file), stdout = TRUE, stderr = FALSE))
  } else if (nzchar(tool[[2]])) {
    out <- suppressWarnings(system2(tool[[2]], c("-a", "256", shQuote(file)), stdout = TRUE, stderr = FALSE))
  } else {
    return(NA_character_)
  }
  if (length(out) == 0 || !grepl("^[0-9a-fA-F]{64}", out[[1]])) return(NA_character_)
  tolower(substr(out[[1]], 1, 64))
}

# Check a resource's file against the byte count and hash (sha256) the descriptor gives; return its path.
parlex_verify_resource <- function(resource, path = ".") {
  file <- file.path(path, resource$path)
  if (!file.exists(file)) stop(sprintf("%s: file '%s' is missing", resource$name, resource$path), call. = FALSE)
  size <- file.size(file)
  if (!is.null(resource$bytes) && size != resource$bytes) {
    stop(sprintf("%s: %s has %.0f bytes, datapackage.json says %.0f: the file was altered or damaged; download the package again",
                 resource$name, resource$path, size, resource$bytes), call. = FALSE)
  }
  if (!is.null(resource$hash)) {
    parts <- strsplit(resource$hash, ":", fixed = TRUE)[[1]]
    if (length(parts) == 1) parts <- c("md5", parts) # Data Package: a hash without a prefix is MD5
    found <- switch(parts[[1]],
      sha256 = parlex_sha256(file),
      md5 = unname(tools::md5sum(file)),
      stop(sprintf("%s: cannot verify a %s hash", resource$name, parts[[1]]), call. = FALSE)
    )
    if (is.na(found)) {
      warning(sprintf("%s: no working sha256sum or shasum on the PATH, so the sha256 hash of %s was not verified", resource$name, resource$path), call. = FALSE)
    } else if (found != tolower(parts[[2]])) {
      stop(sprintf("%s: %s does not match its %s hash in datapackage.json (expected %s, found %s): the file was altered or damaged; download the package again",
                   resource$name, resource$path, parts[[1]], parts[[2]], found), call. = FALSE)
    }
  }
  file
}

parlex_col_type <- function(field) {
  if (!is.null(field$categories)) {
    levels <- vapply(field$categories, function(c) if (is.list(c)) as.character(c$value) else as.character(c), character(1))
    return(readr::col_factor(levels = levels, ordered = isTRUE(field$categoriesOrdered)))
  }
  type <- if (is.null(field$type)) "string" else field$type
  switch(type,
    string = readr::col_character(),
    integer = readr::col_integer(),
    boolean = readr::col_logical(),
    date = {
      if (!is.null(field$format) && !(field$format %in% c("default", "%Y-%m-%d"))) stop(sprintf("%s: date format '%s' is not supported", field$name, field$format), call. = FALSE)
      readr::col_date("%Y-%m-%d")
    },
    stop(sprintf("%s: field type '%s' is not supported by load.R", field$name, type), call. = FALSE)
  )
}

parlex_read_resource <- function(resource, path = ".") {
  file <- parlex_verify_resource(resource, path)
  fields <- resource$schema$fields
  names <- vapply(fields, function(f) f$name, character(1))
  missing <- unlist(resource$schema$missingValues)
  if (!is.null(missing) && !identical(missing, "")) stop(sprintf("%s: only the empty string may mark a missing value", resource$name), call. = FALSE)
  header <- names(readr::read_csv(file, n_max = 0, col_types = readr::cols(.default = readr::col_character()), progress = FALSE))
  if (!identical(header, names)) {
    stop(sprintf("%s: the CSV header (%s) is not the schema's fields (%s)", resource$name, paste(header, collapse = ", "), paste(names, collapse = ", ")), call. = FALSE)
  }
  col_types <- do.call(readr::cols, stats::setNames(lapply(fields, parlex_col_type), names))
  table <- readr::read_csv(
    file,
    col_types = col_types,
    na = "",               # only an empty cell is missing: "NA" is text
    trim_ws = FALSE,       # keep leading and trailing spaces
    skip_empty_rows = FALSE,
    locale = readr::locale(encoding = if (is.null(resource$encoding)) "UTF-8" else resource$encoding),
    progress = FALSE,
    show_col_types = FALSE,
    lazy = FALSE
  )
  problems <- readr::problems(table)
  if (nrow(problems) > 0) {
    p <- problems[1, ]
    stop(sprintf("%s: %d value(s) do not fit their declared type, e.g. row %d column %d: expected %s, found '%s'",
                 resource$name, nrow(problems), p$row, p$col, p$expected, p$actual), call. = FALSE)
  }
  attr(table, "problems") <- NULL
  table
}

# One table of the package at `path`, as a tibble with its declared column types.
parlex_load_table <- function(name, path = ".") {
  resources <- parlex_table_resources(parlex_read_descriptor(path))
  if (!(name %in% names(resources))) stop(sprintf("no table named '%s'; the tables are %s", name, paste(names(resources), collapse = ", ")), call. = FALSE)
  parlex_read_resource(resources[[name]], path)
}

# Every table of the package at `path`: a named list of tibbles, in descriptor order.
parlex_load <- function(path = ".") {
  lapply(parlex_table_resources(parlex_read_descriptor(path)), parlex_read_resource, path = path)
}

if (sys.nframe() == 0L) {
  args <- commandArgs(trailingOnly = TRUE)
  here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
  path <- if (length(args) >= 1) args[[1]] else here
  descriptor <- parlex_read_descriptor(path)
  tables <- parlex_load(path)
  cat(sprintf("%s %s - %d tables\n", descriptor$title, descriptor$version, length(tables)))
  for (name in names(tables)) {
    t <- tables[[name]]
    cat(sprintf("\n%s: %d rows\n", name, nrow(t)))
    for (column in names(t)) cat(sprintf("  %-24s %s\n", column, paste(class(t[[column]]), collapse = "/")))
  }
}
