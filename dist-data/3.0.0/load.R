# Load this data package into R, with the types its datapackage.json declares.
#
# Needs the readr and jsonlite packages (nothing else). Keep this file next to datapackage.json.
#
#   source("load.R")
#   tables <- parlex_load("path/to/package")         # named list of tibbles, one per table
#   meetings <- parlex_load_table("meetings", "path/to/package")
#   tables <- parlex_load("https://example.org/data/latest/")   # a release folder's URL, or
#   tables <- parlex_load("https://example.org/data/2.0.0/datapackage.json")  # its descriptor's
#
#   Rscript load.R [PACKAGE_DIR_OR_URL]               # prints each table's rows and column types
#
# Types, from each field's declaration in the Table Schema:
#   string -> character, integer -> integer, boolean -> logical, date -> Date (YYYY-MM-DD),
#   string with categories -> factor with exactly those levels (ordered if categoriesOrdered).
# Only an empty cell is a missing value: text such as "NA" or "null" stays text. Leading and
# trailing spaces are part of the values (readr's default trim_ws = TRUE would strip them).
# A value that does not fit its declared type (or is not one of its categories) is an error,
# not a silent NA.
#
# Safety: a resource's path must be a relative path inside the package (Data Package: no absolute
# path, no "..", no URL) naming a regular file, not a link out of the package, a FIFO or a device;
# anything else is refused before it is opened.
#
# Integrity: every CSV file is checked against the byte count the descriptor gives, and against
# its sha256 hash when a sha256 tool is on the PATH (`sha256sum`, or `shasum -a 256` on macOS):
# base R has only tools::md5sum, and readr/jsonlite compute no digests. Without such a tool the
# hash check is skipped with a warning (the byte count is still checked), except for a download,
# which is then refused.
#
# From a URL (http or https, with base R's url()): the descriptor is downloaded, then each table's
# file, which is checked against its size and sha256 before it is kept in a cache folder under its
# sha256 (tools::R_user_dir("parlex", "cache"), or the `cache_dir` given), so it is downloaded once.

parlex_descriptor_limit <- 64 * 1024 * 1024 # a descriptor larger than this is not one of ours

parlex_is_url <- function(path) is.character(path) && length(path) == 1 && grepl("^[Hh][Tt][Tt][Pp][Ss]?://", path)

# The descriptor's URL and the package folder's URL (ending in "/") for a folder or descriptor URL.
parlex_urls <- function(url) {
  u <- sub("[?#].*$", "", url)
  base <- if (grepl("(^|/)datapackage\\.json$", u)) sub("datapackage\\.json$", "", u) else if (endsWith(u, "/")) u else paste0(u, "/")
  list(descriptor = paste0(base, "datapackage.json"), base = base)
}

# The body at an http(s) URL as a raw vector, refused when it is longer than `limit` bytes.
parlex_download <- function(url, limit, what) {
  fail <- function(e) stop(sprintf("%s: cannot download %s (%s)", what, url, conditionMessage(e)), call. = FALSE)
  con <- tryCatch(base::url(url, open = "rb"), error = fail, warning = fail)
  on.exit(close(con))
  chunks <- list()
  total <- 0
  repeat {
    chunk <- tryCatch(readBin(con, "raw", n = min(1048576, limit + 1 - total)), error = fail, warning = fail)
    if (length(chunk) == 0) break
    total <- total + length(chunk)
    chunks[[length(chunks) + 1]] <- chunk
    if (total > limit) stop(sprintf("%s: %s is larger than the %.0f bytes expected: refused", what, url, limit), call. = FALSE)
  }
  if (length(chunks) == 0) raw(0) else do.call(c, chunks)
}

parlex_read_descriptor <- function(path = ".") {
  if (parlex_is_url(path)) {
    url <- parlex_urls(path)$descriptor
    text <- rawToChar(parlex_download(url, parlex_descriptor_limit, "datapackage.json"))
    Encoding(text) <- "UTF-8"
    return(tryCatch(jsonlite::fromJSON(text, simplifyVector = FALSE),
                    error = function(e) stop(sprintf("%s is not a JSON data package descriptor (%s)", url, conditionMessage(e)), call. = FALSE)))
  }
  file <- file.path(path, "datapackage.json")
  if (!file.exists(file)) stop(sprintf("no datapackage.json in '%s': pass the package folder or its URL", normalizePath(path, mustWork = FALSE)), call. = FALSE)
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

# The resource's path, refused unless it is a relative POSIX path inside the package.
parlex_relative_path <- function(resource) {
  value <- resource$path
  unsafe <- function(why) stop(sprintf("%s: unsafe path '%s' in datapackage.json: %s", resource$name, value, why), call. = FALSE)
  if (!is.character(value) || length(value) != 1 || !nzchar(value)) stop(sprintf("%s: the resource has no path (a single relative path is expected)", resource$name), call. = FALSE)
  if (grepl("^[/\\\\]", value) || grepl("^[A-Za-z]:", value)) unsafe("an absolute path, where a path inside the package is expected")
  if (grepl("^[A-Za-z][A-Za-z0-9+.-]*:", value)) unsafe("a URL, where a path inside the package is expected")
  if (grepl("\\", value, fixed = TRUE) || ".." %in% strsplit(value, "/", fixed = TRUE)[[1]]) {
    unsafe("it leaves the package (\"..\" or a backslash), where a path inside the package is expected")
  }
  value
}

# TRUE for a regular file (after links): a folder, FIFO or device is not one, and opening a FIFO would block.
parlex_is_regular <- function(file) {
  info <- file.info(file, extra_cols = FALSE)
  if (is.na(info$isdir) || info$isdir) return(FALSE)
  if (.Platform$OS.type == "unix") return(identical(suppressWarnings(system2("test", c("-f", shQuote(file)))), 0L))
  TRUE
}

# The resource's file in the package folder at `path`, refused when it is missing, leads out of
# the package through a link, or is not a regular file.
parlex_local_file <- function(resource, path) {
  relative <- parlex_relative_path(resource)
  file <- file.path(path, relative)
  if (!file.exists(file)) stop(sprintf("%s: file '%s' is missing", resource$name, relative), call. = FALSE)
  root <- normalizePath(path, winslash = "/", mustWork = TRUE)
  real <- normalizePath(file, winslash = "/", mustWork = TRUE)
  if (!startsWith(real, paste0(sub("/$", "", root), "/"))) {
    stop(sprintf("%s: %s leads outside the package (to '%s') through a link: refused", resource$name, relative, real), call. = FALSE)
  }
  if (!parlex_is_regular(real)) stop(sprintf("%s: '%s' is not a regular file (a folder, FIFO or device): refused", resource$name, relative), call. = FALSE)
  real
}

# Check a file against the byte count and hash the descriptor gives (`shown` names it in errors).
parlex_check_file <- function(resource, file, shown, download = FALSE) {
  size <- file.size(file)
  if (!is.null(resource$bytes) && size != resource$bytes) {
    stop(sprintf("%s: %s has %.0f bytes, datapackage.json says %.0f: the file was altered or damaged; download the package again",
                 resource$name, shown, size, resource$bytes), call. = FALSE)
  }
  if (!is.null(resource$hash)) {
    parts <- strsplit(resource$hash, ":", fixed = TRUE)[[1]]
    if (length(parts) == 1) parts <- c("md5", parts) # Data Package: a hash without a prefix is MD5
    found <- switch(parts[[1]],
      sha256 = parlex_sha256(file),
      md5 = unname(tools::md5sum(file)),
      stop(sprintf("%s: cannot verify a %s hash", resource$name, parts[[1]]), call. = FALSE)
    )
    if (is.na(found) && download) {
      stop(sprintf("%s: no working sha256sum or shasum on the PATH, so the download of %s cannot be checked: refused", resource$name, shown), call. = FALSE)
    } else if (is.na(found)) {
      warning(sprintf("%s: no working sha256sum or shasum on the PATH, so the sha256 hash of %s was not verified", resource$name, shown), call. = FALSE)
    } else if (found != tolower(parts[[2]])) {
      stop(sprintf("%s: %s does not match its %s hash in datapackage.json (expected %s, found %s): the file was altered or damaged; download the package again",
                   resource$name, shown, parts[[1]], parts[[2]], found), call. = FALSE)
    }
  }
  file
}

# The user's cache folder for parlex downloads.
parlex_default_cache_dir <- function() tools::R_user_dir("parlex", which = "cache")

# The cached copy of a resource of the package at `url`, downloaded (and checked) once.
parlex_remote_file <- function(resource, url, cache_dir = NULL) {
  relative <- parlex_relative_path(resource)
  hash <- if (is.character(resource$hash)) tolower(resource$hash) else ""
  if (!grepl("^sha256:[0-9a-f]{64}$", hash) || !is.numeric(resource$bytes)) {
    stop(sprintf("%s: datapackage.json gives no sha256 hash and byte count for %s, so a download of it cannot be checked: refused", resource$name, relative), call. = FALSE)
  }
  digest <- sub("^sha256:", "", hash)
  folder <- if (is.null(cache_dir)) parlex_default_cache_dir() else cache_dir
  cached <- file.path(folder, digest)
  if (file.exists(cached) && parlex_is_regular(cached)) {
    ok <- tryCatch({ parlex_check_file(resource, cached, cached, download = TRUE); TRUE }, error = function(e) FALSE)
    if (ok) return(cached) # a damaged cache entry is downloaded again and replaced
  }
  source <- paste0(parlex_urls(url)$base, utils::URLencode(relative))
  data <- parlex_download(source, resource$bytes, resource$name)
  dir.create(folder, recursive = TRUE, showWarnings = FALSE)
  partial <- tempfile(pattern = paste0(".", digest, "."), tmpdir = folder, fileext = ".part")
  on.exit(if (file.exists(partial)) file.remove(partial))
  writeBin(data, partial)
  parlex_check_file(resource, partial, source, download = TRUE)
  if (!file.rename(partial, cached)) stop(sprintf("%s: cannot write %s in the cache folder", resource$name, cached), call. = FALSE)
  cached
}

# Check a resource's file against the byte count and hash (sha256) the descriptor gives; return its (local) path.
parlex_verify_resource <- function(resource, path = ".", cache_dir = NULL) {
  if (parlex_is_url(path)) return(parlex_remote_file(resource, path, cache_dir))
  parlex_check_file(resource, parlex_local_file(resource, path), resource$path)
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

parlex_read_resource <- function(resource, path = ".", cache_dir = NULL) {
  file <- parlex_verify_resource(resource, path, cache_dir)
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

# One table of the package at `path` (a folder or a URL), as a tibble with its declared column types.
parlex_load_table <- function(name, path = ".", cache_dir = NULL) {
  resources <- parlex_table_resources(parlex_read_descriptor(path))
  if (!(name %in% names(resources))) stop(sprintf("no table named '%s'; the tables are %s", name, paste(names(resources), collapse = ", ")), call. = FALSE)
  parlex_read_resource(resources[[name]], path, cache_dir)
}

# Every table of the package at `path` (a folder or a URL): a named list of tibbles, in descriptor order.
parlex_load <- function(path = ".", cache_dir = NULL) {
  lapply(parlex_table_resources(parlex_read_descriptor(path)), parlex_read_resource, path = path, cache_dir = cache_dir)
}

if (sys.nframe() == 0L) {
  args <- commandArgs(trailingOnly = TRUE)
  here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
  path <- if (length(args) >= 1) args[[1]] else here
  descriptor <- parlex_read_descriptor(path)
  tables <- lapply(parlex_table_resources(descriptor), parlex_read_resource, path = path)
  cat(sprintf("%s %s - %d tables\n", descriptor$title, descriptor$version, length(tables)))
  for (name in names(tables)) {
    t <- tables[[name]]
    cat(sprintf("\n%s: %d rows\n", name, nrow(t)))
    for (column in names(t)) cat(sprintf("  %-24s %s\n", column, paste(class(t[[column]]), collapse = "/")))
  }
}
