# Load a package with its load.R (sourced, as a user would) and dump what readr read as JSON:
# per table, row count, column classes, factor levels and every value (dates as YYYY-MM-DD,
# missing values as null). Usage: Rscript dump_r.R PACKAGE_DIR OUT.json [SOURCE [CACHE_DIR]]
# (SOURCE: what to load, e.g. the package's URL; by default PACKAGE_DIR itself)
args <- commandArgs(trailingOnly = TRUE)
package <- args[[1]]
out <- args[[2]]
source(file.path(package, "load.R"))
source_to_load <- if (length(args) >= 3) args[[3]] else package
cache_dir <- if (length(args) >= 4) args[[4]] else NULL
tables <- parlex_load(source_to_load, cache_dir = cache_dir)

dump_table <- function(t) {
  plain <- lapply(t, function(column) {
    if (inherits(column, "Date")) format(column, "%Y-%m-%d") else if (is.factor(column)) as.character(column) else column
  })
  list(
    rows = jsonlite::unbox(nrow(t)),
    columns = names(t),
    types = lapply(t, function(column) jsonlite::unbox(paste(class(column), collapse = "/"))),
    levels = lapply(t, function(column) if (is.factor(column)) levels(column) else NULL),
    ordered = lapply(t, function(column) if (is.factor(column)) jsonlite::unbox(is.ordered(column)) else NULL),
    data = as.data.frame(plain, stringsAsFactors = FALSE, optional = TRUE)
  )
}

json <- jsonlite::toJSON(lapply(tables, dump_table), dataframe = "values", na = "null", null = "null", digits = NA)
con <- file(out, "wb")
writeBin(charToRaw(enc2utf8(as.character(json))), con)
close(con)
