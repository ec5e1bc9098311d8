-- EXPLAIN QUERY PLAN for the main filter shapes, as the API's SqlBuilder writes them (captured from the API's
-- log with --Logging:LogLevel:OpenHealthData.Sql=Debug, which prints each statement with its parameters; long column
-- lists shortened to t0.*). If the API's SQL changes, capture it again the same way. The API runs these on
-- connections with the query planner stability guarantee: each text is planned once, without its values; the CLI
-- here binds the values with .param, and the plans are the same (QueryPlanTests explain the API's texts unbound).
-- Run: sqlite3 -readonly DB < bench/explain.sql
.param init
.param set @y 2023
.param set @region "'330382'"
.param set @metric "'physicians_per_1000'"
.param set @first 21
.param set @offset 0
.print '## A. observations(where: { region: { code: { eq } }, year: { eq } }, order: [{ value: DESC }]) { totalCount nodes } (one statement; the key filter reads the foreign key)'
EXPLAIN QUERY PLAN SELECT t0.*, (SELECT count(*) FROM "Observations" t1 WHERE (t1."RegionCode" = @region) AND (t1."Year" = @y))
 FROM "Observations" t0 WHERE (t0."RegionCode" = @region) AND (t0."Year" = @y) ORDER BY t0."Value" DESC, t0."Id" LIMIT @first OFFSET @offset;
.print '## B. observations(where: { metric: { code: { eq } }, region: { code: { eq } } }, order: [{ year: DESC }]) { totalCount nodes }'
EXPLAIN QUERY PLAN SELECT t0.*, (SELECT count(*) FROM "Observations" t1 WHERE (t1."MetricCode" = @metric) AND (t1."RegionCode" = @region))
 FROM "Observations" t0 WHERE (t0."MetricCode" = @metric) AND (t0."RegionCode" = @region) ORDER BY t0."Year" DESC, t0."Id" LIMIT @first OFFSET @offset;
.print '## C. series(metric:, region:)'
EXPLAIN QUERY PLAN SELECT t0.* FROM "Observations" t0 WHERE (t0."MetricCode" = @metric) AND ((t0."RegionCode" = @region) AND (t0."Kind" = 'actual'))
 ORDER BY t0."Year", t0."SourceId", t0."Id";
.print '## D. nested list regions(first: 10) { observations(first: 5) }: parents from one JSON parameter, outside (CROSS JOIN); per parent the first keys through the foreign key index (LIMIT), rows by primary key; one statement'
.param set @parents "'[\"110000\",\"110100\",\"110101\",\"110102\",\"110103\",\"110104\",\"110121\",\"110122\",\"110123\",\"110124\"]'"
.param set @per 5
EXPLAIN QUERY PLAN SELECT t0."Id", t0."MetricCode", t0."RegionCode", t0."SourceId", t0."Unit", t0."Value", t0."Year" FROM json_each(@parents) p CROSS JOIN "Observations" t0
 WHERE t0."Id" IN (SELECT t1."Id" FROM "Observations" t1 WHERE t1."RegionCode" = p.value ORDER BY t1."Year" DESC, t1."Value" DESC, t1."Id" LIMIT @per)
 ORDER BY t0."Year" DESC, t0."Value" DESC, t0."Id";
.print '## E. observations(withinRegion: province, where: { metric: { category: { eq } } }) page with totalCount (README query 2)'
.param set @within "'[\"330000\",\"330100\",\"330101\",\"330102\",\"330300\",\"330382\",\"330381\"]'"
EXPLAIN QUERY PLAN SELECT t0.*, (SELECT count(*) FROM "Observations" t2 WHERE (t2."MetricCode" IN (SELECT t3."Code" FROM "Metrics" t3 WHERE t3."Category" = 'workforce'))
 AND (t2."RegionCode" IN (SELECT value FROM json_each(@within))))
 FROM "Observations" t0 WHERE (t0."MetricCode" IN (SELECT t1."Code" FROM "Metrics" t1 WHERE t1."Category" = 'workforce')) AND (t0."RegionCode" IN (SELECT value FROM json_each(@within)))
 ORDER BY t0."Year" DESC, t0."Value" DESC, t0."Id" LIMIT @first OFFSET @offset;
.print '## F. observations(where: { year: { eq } }, order: [{ region: { nameEn: ASC } }]) page'
EXPLAIN QUERY PLAN SELECT t0.* FROM "Observations" t0 WHERE t0."Year" = @y
 ORDER BY (SELECT t1."NameEn" FROM "Regions" t1 WHERE t1."Code" = t0."RegionCode"), t0."Id" LIMIT @first OFFSET @offset;
.print '## G. observations(where: { metric: { code: { eq } }, kind: { eq } }) page (default order: id)'
EXPLAIN QUERY PLAN SELECT t0.* FROM "Observations" t0 WHERE (t0."Kind" = 'target') AND (t0."MetricCode" = @metric) ORDER BY t0."Id" LIMIT @first OFFSET @offset;
.print '## H. observations(where: { quote: { contains } }) page'
EXPLAIN QUERY PLAN SELECT t0.* FROM "Observations" t0 WHERE t0."Quote" IS NOT NULL AND instr(t0."Quote", '医师') > 0 ORDER BY t0."Id" LIMIT @first OFFSET @offset;
.print '## I. REST /api/v1/observations?region=&year= (references come from memory)'
EXPLAIN QUERY PLAN SELECT t0.*, (SELECT count(*) FROM "Observations" t1 WHERE (t1."RegionCode" = @region) AND (t1."Year" = @y))
 FROM "Observations" t0 WHERE (t0."RegionCode" = @region) AND (t0."Year" = @y) ORDER BY t0."Year" DESC, t0."Id" LIMIT @first OFFSET @offset;
.print '## J. observations snapshot (every row, EF Core; references come from memory)'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o ORDER BY o.Id;
.print '## Time of the SQL alone (sqlite3 CLI, warm cache): A (page with its count), B (page with its count), C'
.timer on
SELECT count(*) FROM (SELECT t0.*, (SELECT count(*) FROM "Observations" t1 WHERE (t1."RegionCode" = @region) AND (t1."Year" = @y))
 FROM "Observations" t0 WHERE (t0."RegionCode" = @region) AND (t0."Year" = @y) ORDER BY t0."Value" DESC, t0."Id" LIMIT @first OFFSET @offset);
SELECT count(*) FROM (SELECT t0.*, (SELECT count(*) FROM "Observations" t1 WHERE (t1."MetricCode" = @metric) AND (t1."RegionCode" = @region))
 FROM "Observations" t0 WHERE (t0."MetricCode" = @metric) AND (t0."RegionCode" = @region) ORDER BY t0."Year" DESC, t0."Id" LIMIT @first OFFSET @offset);
SELECT count(*) FROM (SELECT t0.* FROM "Observations" t0 WHERE (t0."MetricCode" = @metric) AND ((t0."RegionCode" = @region) AND (t0."Kind" = 'actual'))
 ORDER BY t0."Year", t0."SourceId", t0."Id");
.print '## ... and the shapes that read many rows: F (year, order by region name), H (quote contains, no match: whole table), D (nested)'
SELECT count(*) FROM (SELECT t0.* FROM "Observations" t0 WHERE t0."Year" = @y
 ORDER BY (SELECT t1."NameEn" FROM "Regions" t1 WHERE t1."Code" = t0."RegionCode"), t0."Id" LIMIT @first OFFSET @offset);
SELECT count(*) FROM (SELECT t0.* FROM "Observations" t0 WHERE t0."Quote" IS NOT NULL AND instr(t0."Quote", '没有这句话') > 0 ORDER BY t0."Id" LIMIT @first OFFSET @offset);
SELECT count(*) FROM (SELECT t0."Id", t0."MetricCode", t0."RegionCode", t0."SourceId", t0."Unit", t0."Value", t0."Year" FROM json_each(@parents) p CROSS JOIN "Observations" t0
 WHERE t0."Id" IN (SELECT t1."Id" FROM "Observations" t1 WHERE t1."RegionCode" = p.value ORDER BY t1."Year" DESC, t1."Value" DESC, t1."Id" LIMIT @per)
 ORDER BY t0."Year" DESC, t0."Value" DESC, t0."Id");
