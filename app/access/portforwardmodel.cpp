#include "portforwardmodel.h"

#include "instanceaccess.h"

#include <QUrl>

#include <algorithm>

namespace suanli::access {

PortForwardModel::PortForwardModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PortForwardModel::setAccess(InstanceAccess *access)
{
    if (m_access == access)
        return;
    if (m_access)
        disconnect(m_access, nullptr, this, nullptr);
    beginResetModel();
    m_access = access;
    m_rows.clear();
    if (access) {
        const auto forwards = access->forwards();
        m_rows.assign(forwards.cbegin(), forwards.cend());
        std::sort(m_rows.begin(), m_rows.end(),
                  [](const auto &a, const auto &b) { return a.id < b.id; });
        connect(access, &InstanceAccess::forwardChanged, this, &PortForwardModel::upsert);
        connect(access, &InstanceAccess::forwardRemoved, this, &PortForwardModel::remove);
        // By the time destroyed() arrives the QPointer reads null already.
        connect(access, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_rows.clear();
            endResetModel();
        });
    }
    endResetModel();
}

int PortForwardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PortForwardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PortForwardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ssh::ForwardStats &stats = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(stats, index.column());
    case Qt::ToolTipRole:
        if (index.column() == LocalPort)
            return tr("Open http://127.0.0.1:%1 on this computer to reach port %2 of the "
                      "instance.")
                .arg(stats.localPort)
                .arg(stats.remotePort);
        if (index.column() == Connections && stats.failedConnections > 0)
            return tr("%n connection(s) refused by the instance: nothing listens on port %1 "
                      "there.",
                      nullptr, int(stats.failedConnections))
                .arg(stats.remotePort);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Service ? QVariant()
                                         : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case ForwardIdRole:
        return stats.id;
    case StatsRole:
        return QVariant::fromValue(stats);
    case RawDataRole:
        switch (index.column()) {
        case LocalPort:
            return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(stats.localPort));
        case RemotePort:
            return stats.remotePort;
        case Service:
            return serviceName(stats.remotePort);
        case Connections:
            return stats.activeConnections;
        case BytesSent:
            return stats.bytesToRemote;
        case BytesReceived:
            return stats.bytesFromRemote;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant PortForwardModel::display(const ssh::ForwardStats &stats, int column) const
{
    switch (column) {
    case LocalPort:
        return QString::number(stats.localPort);
    case RemotePort:
        return stats.remoteHost == QStringLiteral("127.0.0.1") || stats.remoteHost.isEmpty()
                   ? QString::number(stats.remotePort)
                   : QStringLiteral("%1:%2").arg(stats.remoteHost).arg(stats.remotePort);
    case Service:
        return serviceName(stats.remotePort);
    case Connections:
        //: active connections, then all connections since the forward was added
        return tr("%1 (%2 total)").arg(stats.activeConnections).arg(stats.totalConnections);
    case BytesSent:
        return m_locale.formattedDataSize(stats.bytesToRemote);
    case BytesReceived:
        return m_locale.formattedDataSize(stats.bytesFromRemote);
    default:
        return {};
    }
}

QVariant PortForwardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LocalPort:
        return tr("Local port");
    case RemotePort:
        return tr("Instance port");
    case Service:
        return tr("Service");
    case Connections:
        return tr("Connections");
    case BytesSent:
        return tr("Sent");
    case BytesReceived:
        return tr("Received");
    default:
        return {};
    }
}

bool PortForwardModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount() || !m_access)
        return false;
    QList<int> ids;
    for (int r = row; r < row + count; ++r)
        ids.append(m_rows[size_t(r)].id);
    // InstanceAccess answers with forwardRemoved, which takes the rows out (remove()).
    for (int id : std::as_const(ids)) {
        m_access->removeForward(id);
        remove(id); // in case the session had already dropped it
    }
    return true;
}

Result<int> PortForwardModel::addForward(quint16 remotePort, quint16 localPort)
{
    if (!m_access)
        return makeError(QStringLiteral("not_running"), tr("No instance is selected."));
    auto added = m_access->addForward(remotePort, localPort);
    if (!added)
        return added.error();
    upsert(*added);
    return rowOf(added->id);
}

int PortForwardModel::rowOf(int forwardId) const
{
    const auto it = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                 [forwardId](const auto &s) { return s.id == forwardId; });
    return it == m_rows.cend() ? -1 : int(it - m_rows.cbegin());
}

QString PortForwardModel::serviceName(quint16 remotePort)
{
    switch (remotePort) {
    case 8888:
        return QStringLiteral("Jupyter");
    case 6006:
        return QStringLiteral("TensorBoard");
    case 7860:
        return QStringLiteral("Gradio");
    case 8501:
        return QStringLiteral("Streamlit");
    case 8265:
        return QStringLiteral("Ray dashboard");
    case 5000:
        return QStringLiteral("MLflow");
    default:
        return {};
    }
}

void PortForwardModel::upsert(const ssh::ForwardStats &stats)
{
    const int row = rowOf(stats.id);
    if (row >= 0) {
        m_rows[size_t(row)] = stats;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // Ids grow with each forward: appending keeps the rows in the order they were added.
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.push_back(stats);
    endInsertRows();
}

void PortForwardModel::remove(int forwardId)
{
    const int row = rowOf(forwardId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

} // namespace suanli::access
