-- EXPLAIN QUERY PLAN for the main filter shapes, as EF Core 10 generates them now (A, B, D, G captured again after the count moved into the page's
-- statement, key filters stopped joining and nested lists were restricted to their parents) (captured from
-- the API's Microsoft.EntityFrameworkCore.Database.Command log; column lists shortened to o.*; literals in place
-- of EF's parameters). If the API's SQL changes, capture it again: run the API with
-- --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information --ResponseCache:MaxBytes 0.
-- Run: sqlite3 -readonly DB < bench/explain.sql
.print '## A. observations(where: { region: { code: { eq } }, year: { eq } }, order: [{ value: DESC }]) { totalCount nodes } (one statement)'
EXPLAIN QUERY PLAN SELECT o.*, (SELECT COUNT(*) FROM Observations AS o0 WHERE o0.Year = 2023 AND o0.RegionCode = '330382') AS Total
 FROM Observations AS o WHERE o.Year = 2023 AND o.RegionCode = '330382' ORDER BY o.Value DESC, o.Id LIMIT 21 OFFSET 0;
.print '## B. observations(where: { metric: { code: { eq } }, region: { code: { eq } } }, order: [{ year: DESC }]) { totalCount nodes }'
EXPLAIN QUERY PLAN SELECT o.*, (SELECT COUNT(*) FROM Observations AS o0 WHERE o0.MetricCode = 'physicians_per_1000' AND o0.RegionCode = '330382') AS Total
 FROM Observations AS o WHERE o.MetricCode = 'physicians_per_1000' AND o.RegionCode = '330382' ORDER BY o.Year DESC, o.Id LIMIT 21 OFFSET 0;
.print '## C. series(metric:, region:)'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o
 WHERE o.MetricCode = 'physicians_per_1000' AND o.RegionCode = '330382' AND o.Kind = 'actual'
 ORDER BY o.Year, o.SourceId, o.Id;
.print '## D. nested list regions(first: 10) { observations(first: 5) }: per parent, the first keys by the foreign key index (LIMIT), rows by primary key, one statement'
EXPLAIN QUERY PLAN SELECT o.Id, o.MetricCode, o.RegionCode, o.SourceId, o.Unit, o.Value, o.Year FROM Regions AS r CROSS JOIN Observations AS o
 WHERE r.Code IN ('110000','110100','110101','110102','110103','110104','110121','110122','110123','110124') AND o.Id IN (SELECT o0.Id FROM Observations AS o0
 WHERE o0.RegionCode IN ('110000','110100','110101','110102','110103','110104','110121','110122','110123','110124') AND o0.RegionCode = r.Code ORDER BY o0.Year DESC, o0.Value DESC, o0.Id LIMIT 5)
 ORDER BY o.Year DESC, o.Value DESC, o.Id;
.print '## E. observations(withinRegion: province, where: { metric: { category: { eq } } }) page (README query 2)'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o INNER JOIN Metrics AS m ON o.MetricCode = m.Code
 WHERE m.Category = 'workforce' AND o.RegionCode IN ('330000','330100','330101','330102','330300','330382','330381')
 ORDER BY o.Id LIMIT 21 OFFSET 0;
.print '## F. observations(where: { year: { eq } }, order: [{ region: { nameEn: ASC } }]) page'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o INNER JOIN Regions AS r ON o.RegionCode = r.Code
 WHERE o.Year = 2023 ORDER BY r.NameEn, o.Id LIMIT 21 OFFSET 0;
.print '## G. observations(where: { metric: { code: { eq } }, kind: { eq } }) page (default order: id)'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o WHERE o.Kind = 'target' AND o.MetricCode = 'physicians_per_1000' ORDER BY o.Id LIMIT 21 OFFSET 0;
.print '## H. observations(where: { quote: { contains } }) page'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o WHERE instr(o.Quote, '医师') > 0 ORDER BY o.Id LIMIT 21 OFFSET 0;
.print '## I. REST /api/v1/observations?region=&year= (references come from memory)'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o WHERE o.RegionCode = '330382' AND o.Year = 2023 ORDER BY o.Year DESC, o.Id LIMIT 21 OFFSET 0;
.print '## J. observations snapshot (every row; references come from memory)'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o ORDER BY o.Id;
.print '## Time of the SQL alone (sqlite3 CLI, warm cache): A (page with its count), B (page with its count), C'
.timer on
SELECT COUNT(*), MAX(Total) FROM (SELECT o.*, (SELECT COUNT(*) FROM Observations AS o0 WHERE o0.Year = 2023 AND o0.RegionCode = '330382') AS Total
 FROM Observations AS o WHERE o.Year = 2023 AND o.RegionCode = '330382' ORDER BY o.Value DESC, o.Id LIMIT 21 OFFSET 0);
SELECT COUNT(*), MAX(Total) FROM (SELECT o.*, (SELECT COUNT(*) FROM Observations AS o0 WHERE o0.MetricCode = 'physicians_per_1000' AND o0.RegionCode = '330382') AS Total
 FROM Observations AS o WHERE o.MetricCode = 'physicians_per_1000' AND o.RegionCode = '330382' ORDER BY o.Year DESC, o.Id LIMIT 21 OFFSET 0);
SELECT COUNT(*) FROM (SELECT o.* FROM Observations AS o
 WHERE o.MetricCode = 'physicians_per_1000' AND o.RegionCode = '330382' AND o.Kind = 'actual' ORDER BY o.Year, o.SourceId, o.Id);
.print '## ... and the shapes that read many rows: F (year, order by region name), H (quote contains, no match: whole table), D (nested)'
SELECT COUNT(*) FROM (SELECT o.* FROM Observations AS o INNER JOIN Regions AS r ON o.RegionCode = r.Code
 WHERE o.Year = 2023 ORDER BY r.NameEn, o.Id LIMIT 21 OFFSET 0);
SELECT COUNT(*) FROM (SELECT o.* FROM Observations AS o WHERE instr(o.Quote, '没有这句话') > 0 ORDER BY o.Id LIMIT 21 OFFSET 0);
SELECT COUNT(*) FROM (SELECT o.Id, o.MetricCode, o.RegionCode, o.SourceId, o.Unit, o.Value, o.Year FROM Regions AS r CROSS JOIN Observations AS o
 WHERE r.Code IN ('110000','110100','110101','110102','110103','110104','110121','110122','110123','110124') AND o.Id IN (SELECT o0.Id FROM Observations AS o0
 WHERE o0.RegionCode IN ('110000','110100','110101','110102','110103','110104','110121','110122','110123','110124') AND o0.RegionCode = r.Code ORDER BY o0.Year DESC, o0.Value DESC, o0.Id LIMIT 5)
 ORDER BY o.Year DESC, o.Value DESC, o.Id);
.timer off
