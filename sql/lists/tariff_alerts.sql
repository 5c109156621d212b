-- public/tariff_alerts.json: the (provider, service) pairs whose rate rose above the reporting
-- threshold of their ownership (the minutes, item 12), with the rates and the rise.
SELECT municipality, provider_id AS "providerId", provider_name AS "providerName", ownership,
  service, year::INTEGER AS year, previous_rate::DOUBLE AS "previousRate", rate::DOUBLE AS rate,
  (rate / previous_rate - 1)::DOUBLE AS increase, threshold::DOUBLE AS threshold
FROM marts.tariff_change
WHERE alert
ORDER BY municipality, year, "providerId", service
