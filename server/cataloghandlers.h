#pragma once

#include "httpreply.h"
#include "searchcache.h"
#include "store.h"

class QHttpServerRequest;

namespace suanli::server {

class Metrics;

/// What renters browse (server/openapi.yaml): the offer search (answered from a SearchCache
/// while no offer changed) and the pricing suggestion for lenders (images: ImageHandlers).
class CatalogHandlers
{
public:
    CatalogHandlers(Store &store, Metrics &metrics);

    HttpReply offers(const QHttpServerRequest &request);
    HttpReply pricing(const QHttpServerRequest &request);

private:
    Store &m_store;
    Metrics &m_metrics;
    SearchCache m_searchCache;
};

} // namespace suanli::server
