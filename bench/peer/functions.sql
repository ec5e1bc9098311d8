-- Computed columns the API has and a table does not. PostGraphile exposes observations_citation(o) as
-- Observation.citation; it formats the citation as src/OpenHealthData.Api/Querying/Citation.cs does.
CREATE FUNCTION observations_citation(o observations) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT s.publisher || '《' || s.title || '》(' || s.date || '): “' || o.quote || '”' || coalesce(' ' || s.url, '')
  FROM sources s WHERE s.id = o.source_id
$$;

-- Relation names as the API has them (PostGraphile smart tags): observation.region, region.observations,
-- region.parent, region.children … instead of regionByRegionCode, observationsByRegionCode.
COMMENT ON CONSTRAINT fk_regions_regions_parent_code ON regions IS E'@fieldName parent\n@foreignFieldName children';
COMMENT ON CONSTRAINT fk_sources_regions_region_code ON sources IS E'@fieldName region\n@foreignFieldName sources';
COMMENT ON CONSTRAINT fk_institutions_regions_region_code ON institutions IS E'@fieldName region\n@foreignFieldName institutions';
COMMENT ON CONSTRAINT fk_institutions_sources_source_id ON institutions IS E'@fieldName source\n@foreignFieldName institutions';
COMMENT ON CONSTRAINT fk_programmes_regions_region_code ON programmes IS E'@fieldName region\n@foreignFieldName programmes';
COMMENT ON CONSTRAINT fk_programmes_sources_source_id ON programmes IS E'@fieldName source\n@foreignFieldName programmes';
COMMENT ON CONSTRAINT fk_observations_institutions_institution_id ON observations IS E'@fieldName institution\n@foreignFieldName observations';
COMMENT ON CONSTRAINT fk_observations_metrics_metric_code ON observations IS E'@fieldName metric\n@foreignFieldName observations';
COMMENT ON CONSTRAINT fk_observations_programmes_programme_id ON observations IS E'@fieldName programme\n@foreignFieldName observations';
COMMENT ON CONSTRAINT fk_observations_regions_region_code ON observations IS E'@fieldName region\n@foreignFieldName observations';
COMMENT ON CONSTRAINT fk_observations_sources_source_id ON observations IS E'@fieldName source\n@foreignFieldName observations';
