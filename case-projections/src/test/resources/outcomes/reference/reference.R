# Reference figures for the outcome statistics, computed with R's survival and cmprsk packages
# over data.csv. The Java tests compare their own figures with expected.txt and need no R.
# Run once: Rscript reference.R > expected.txt
suppressPackageStartupMessages({ library(survival); library(cmprsk) })
d <- read.csv("data.csv")
p <- function(...) cat(..., "\n", sep = "")
fmt <- function(x) ifelse(is.na(x), "NA", trimws(formatC(x, digits = 12, format = "g")))

# Kaplan-Meier with the log-log Greenwood band, and the Brookmeyer-Crowley interval of the median.
fit <- survfit(Surv(km_time, km_status) ~ 1, data = d, conf.type = "log-log")
for (i in seq_along(fit$time)) {
  p("km ", fit$time[i], " ", fit$n.risk[i], " ", fit$n.event[i], " ", fit$n.censor[i], " ",
    fmt(fit$surv[i]), " ", fmt(fit$lower[i]), " ", fmt(fit$upper[i]))
}
q <- quantile(fit, probs = 0.5)
p("median ", fmt(q$quantile), " ", fmt(q$lower), " ", fmt(q$upper))

# The same per modality, for the per-row medians.
for (m in sort(unique(d$modality))) {
  g <- survfit(Surv(km_time, km_status) ~ 1, data = d[d$modality == m, ], conf.type = "log-log")
  gq <- quantile(g, probs = 0.5)
  p("median.", m, " ", fmt(gq$quantile), " ", fmt(gq$lower), " ", fmt(gq$upper))
}

# Log-rank tests across modalities and across clinicians.
for (by in c("modality", "clinician")) {
  s <- survdiff(as.formula(paste("Surv(km_time, km_status) ~", by)), data = d)
  df <- length(s$n) - 1
  p("logrank.", by, " ", fmt(s$chisq), " ", df, " ", fmt(pchisq(s$chisq, df, lower.tail = FALSE)))
}

# Aalen-Johansen cumulative incidence of the two competing outcomes (1 cleared without own
# treatment, 2 own treatment), at days 30, 60, 90 and 180.
ci <- cuminc(d$cr_time, d$cr_status, cencode = 0)
days <- c(30, 60, 90, 180)
tp <- timepoints(ci, days)
for (j in seq_along(days)) {
  p("cuminc ", days[j], " ", fmt(tp$est["1 1", j]), " ", fmt(tp$est["1 2", j]))
}

# Wilson score intervals (prop.test without continuity correction).
shares <- data.frame(x = c(0, 1, 7, 20, 113), n = c(5, 2, 19, 20, 260))
for (i in seq_len(nrow(shares))) {
  x <- shares$x[i]
  n <- shares$n[i]
  w <- suppressWarnings(prop.test(x, n, correct = FALSE))$conf.int
  p("wilson ", x, " ", n, " ", fmt(w[1]), " ", fmt(w[2]))
}

# The dashboard's own figures over the same secondaries: a secondary cleared after the primary's
# treatment when it cleared on the curve without a treatment of its own (cr_status 1). The rate's
# Wilson interval, overall and per modality, and the numbers at risk under the chart.
cleared <- d$cr_status == 1
w <- prop.test(sum(cleared), nrow(d), correct = FALSE)$conf.int
p("dashboard.rate ", sum(cleared), " ", nrow(d), " ", fmt(w[1]), " ", fmt(w[2]))
for (m in sort(unique(d$modality))) {
  x <- sum(cleared[d$modality == m])
  n <- sum(d$modality == m)
  w <- prop.test(x, n, correct = FALSE)$conf.int
  p("dashboard.rate.", m, " ", x, " ", n, " ", fmt(w[1]), " ", fmt(w[2]))
}
at <- summary(fit, times = c(0, 30, 60, 90, 180), extend = TRUE)
for (i in seq_along(at$time)) {
  p("dashboard.atrisk ", at$time[i], " ", at$n.risk[i])
}
