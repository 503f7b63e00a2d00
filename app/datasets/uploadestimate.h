#pragma once

#include <QtGlobal>

namespace suanli::datasets {

/// Before renting: how long uploading `bytes` takes at an offer's inet_up_mbps (the upload
/// speed an offer reports). The link is taken at 85 % of its rating (SSH and TCP overhead,
/// real-world shortfall) plus 2 s to connect. Returns -1 for an unknown speed (0 or less).
qint64 estimateUploadSeconds(qint64 bytes, double inetUpMbps);

} // namespace suanli::datasets
