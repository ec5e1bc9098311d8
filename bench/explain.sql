-- EXPLAIN QUERY PLAN for the main filter shapes, as EF Core 10 generates them (captured from the API's
-- Microsoft.EntityFrameworkCore.Database.Command log; column lists shortened to o.*; literals in place
-- of EF's parameters; the database has no ANALYZE statistics, so the plans do not depend on the values).
-- Run: sqlite3 -readonly DB < bench/explain.sql
.print '## A. observations(where: { region: { code: { eq } }, year: { eq } }, order: [{ value: DESC }]) page'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o INNER JOIN Regions AS r ON o.RegionCode = r.Code
 WHERE o.Year = 2023 AND r.Code = '330382' ORDER BY o.Value DESC, o.Id LIMIT 21 OFFSET 0;
.print '## A. ... totalCount'
EXPLAIN QUERY PLAN SELECT COUNT(*) FROM Observations AS o INNER JOIN Regions AS r ON o.RegionCode = r.Code
 WHERE o.Year = 2023 AND r.Code = '330382';
.print '## B. observations(where: { metric: { code: { eq } }, region: { code: { eq } } }, order: [{ year: DESC }]) page'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o INNER JOIN Metrics AS m ON o.MetricCode = m.Code
 INNER JOIN Regions AS r ON o.RegionCode = r.Code WHERE m.Code = 'physicians_per_1000' AND r.Code = '330382'
 ORDER BY o.Year DESC, o.Id LIMIT 21 OFFSET 0;
.print '## B. ... totalCount'
EXPLAIN QUERY PLAN SELECT COUNT(*) FROM Observations AS o INNER JOIN Metrics AS m ON o.MetricCode = m.Code
 INNER JOIN Regions AS r ON o.RegionCode = r.Code WHERE m.Code = 'physicians_per_1000' AND r.Code = '330382';
.print '## C. series(metric:, region:)'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o
 WHERE o.MetricCode = 'physicians_per_1000' AND o.RegionCode = '330382' AND o.Kind = 'actual'
 ORDER BY o.Year, o.SourceId, o.Id;
.print '## D. regions { observations(first:) } batch loader (10 parents; no LIMIT: all rows of the parents are read)'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o
 WHERE o.RegionCode IN ('110000','110100','110101','110102','110103','110104','110121','110122','110123','110124')
 ORDER BY o.Year DESC, o.Value DESC, o.Id;
.print '## E. observations(withinRegion: province, where: { metric: { category: { eq } } }) page (README query 2)'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o INNER JOIN Metrics AS m ON o.MetricCode = m.Code
 WHERE m.Category = 'workforce' AND o.RegionCode IN ('330000','330100','330101','330102','330300','330382','330381')
 ORDER BY o.Id LIMIT 21 OFFSET 0;
.print '## F. observations(where: { year: { eq } }, order: [{ region: { nameEn: ASC } }]) page'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o INNER JOIN Regions AS r ON o.RegionCode = r.Code
 WHERE o.Year = 2023 ORDER BY r.NameEn, o.Id LIMIT 21 OFFSET 0;
.print '## G. observations(where: { metric: { code: { eq } }, kind: { eq } }) page (default order: id)'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o INNER JOIN Metrics AS m ON o.MetricCode = m.Code
 WHERE o.Kind = 'target' AND m.Code = 'physicians_per_1000' ORDER BY o.Id LIMIT 21 OFFSET 0;
.print '## H. observations(where: { quote: { contains } }) page'
EXPLAIN QUERY PLAN SELECT o.* FROM Observations AS o WHERE instr(o.Quote, '医师') > 0 ORDER BY o.Id LIMIT 21 OFFSET 0;
.print '## I. REST /api/v1/observations?region=&year= (inner page, then joins)'
EXPLAIN QUERY PLAN SELECT o0.*, m.*, r.*, s.* FROM (SELECT o.* FROM Observations AS o
 WHERE o.RegionCode = '330382' AND o.Year = 2023 ORDER BY o.Year DESC, o.Id LIMIT 21 OFFSET 0) AS o0
 INNER JOIN Metrics AS m ON o0.MetricCode = m.Code INNER JOIN Regions AS r ON o0.RegionCode = r.Code
 INNER JOIN Sources AS s ON o0.SourceId = s.Id ORDER BY o0.Year DESC, o0.Id;
.print '## J. observations snapshot (every row with metric, region, source)'
EXPLAIN QUERY PLAN SELECT o.*, m.*, r.*, s.* FROM Observations AS o INNER JOIN Metrics AS m ON o.MetricCode = m.Code
 INNER JOIN Regions AS r ON o.RegionCode = r.Code INNER JOIN Sources AS s ON o.SourceId = s.Id ORDER BY o.Id;
.print '## Time of the SQL alone (sqlite3 CLI, warm cache): A page, A totalCount, B page, B totalCount, C'
.timer on
SELECT COUNT(*) FROM (SELECT o.* FROM Observations AS o INNER JOIN Regions AS r ON o.RegionCode = r.Code
 WHERE o.Year = 2023 AND r.Code = '330382' ORDER BY o.Value DESC, o.Id LIMIT 21 OFFSET 0);
SELECT COUNT(*) FROM Observations AS o INNER JOIN Regions AS r ON o.RegionCode = r.Code WHERE o.Year = 2023 AND r.Code = '330382';
SELECT COUNT(*) FROM (SELECT o.* FROM Observations AS o INNER JOIN Metrics AS m ON o.MetricCode = m.Code
 INNER JOIN Regions AS r ON o.RegionCode = r.Code WHERE m.Code = 'physicians_per_1000' AND r.Code = '330382'
 ORDER BY o.Year DESC, o.Id LIMIT 21 OFFSET 0);
SELECT COUNT(*) FROM Observations AS o INNER JOIN Metrics AS m ON o.MetricCode = m.Code
 INNER JOIN Regions AS r ON o.RegionCode = r.Code WHERE m.Code = 'physicians_per_1000' AND r.Code = '330382';
SELECT COUNT(*) FROM (SELECT o.* FROM Observations AS o
 WHERE o.MetricCode = 'physicians_per_1000' AND o.RegionCode = '330382' AND o.Kind = 'actual' ORDER BY o.Year, o.SourceId, o.Id);
.print '## ... and two shapes that read many rows: F (year, order by region name) and H (quote contains, no match: whole table)'
SELECT COUNT(*) FROM (SELECT o.* FROM Observations AS o INNER JOIN Regions AS r ON o.RegionCode = r.Code
 WHERE o.Year = 2023 ORDER BY r.NameEn, o.Id LIMIT 21 OFFSET 0);
SELECT COUNT(*) FROM (SELECT o.* FROM Observations AS o WHERE instr(o.Quote, '没有这句话') > 0 ORDER BY o.Id LIMIT 21 OFFSET 0);
.timer off
