#pragma once

// The market client is suanli_client's (client/marketclient.h), shared with the host agent.
// The app's files still name it in the app's namespace.
#include "client/marketclient.h"

namespace suanli::app {
using client::Balance;
using client::CreatedHost;
using client::MarketClient;
using client::OfferPage;
using protocol::Account;
using protocol::CreateInstanceRequest;
using protocol::Image;
using protocol::Instance;
using protocol::LedgerEntry;
using protocol::Offer;
} // namespace suanli::app
