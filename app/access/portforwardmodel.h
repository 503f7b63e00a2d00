#pragma once

#include "protocol/result.h"
#include "ssh/sshtypes.h"

#include <QAbstractTableModel>
#include <QLocale>
#include <QPointer>

#include <vector>

namespace suanli::access {

class InstanceAccess;

/// The Ports panel (docs/ssh.md): one row per local forward of an instance — local port, remote
/// port, what usually listens there, live connection counts and bytes each way — kept current
/// from InstanceAccess's signals. Adding and removing go through the same InstanceAccess, so the
/// Jupyter forward shows up here too, and rows vanish when the instance stops.
class PortForwardModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LocalPort, RemotePort, Service, Connections, BytesSent, BytesReceived,
                  ColumnCount };
    enum Role {
        ForwardIdRole = Qt::UserRole + 1,
        RawDataRole, ///< the column's value as a number (sorting, tests); the URL for LocalPort
        StatsRole,   ///< the whole ssh::ForwardStats
    };

    explicit PortForwardModel(QObject *parent = nullptr);

    /// The instance whose forwards are shown (nullptr: none); the model does not own it.
    void setAccess(InstanceAccess *access);
    InstanceAccess *access() const { return m_access; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Closes the forwards in those rows (their connections too) and frees the local ports.
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    /// Adds a forward 127.0.0.1:localPort (0: any free one) → the instance's
    /// 127.0.0.1:remotePort; returns its row. A busy port fails at once with "port_in_use".
    Result<int> addForward(quint16 remotePort, quint16 localPort = 0);
    int rowOf(int forwardId) const;
    const ssh::ForwardStats &forward(int row) const { return m_rows[size_t(row)]; }

    /// A name for well-known ports (Jupyter, TensorBoard, …), empty otherwise.
    static QString serviceName(quint16 remotePort);
    void setLocale(const QLocale &locale) { m_locale = locale; }

private:
    void upsert(const ssh::ForwardStats &stats);
    void remove(int forwardId);
    QVariant display(const ssh::ForwardStats &stats, int column) const;

    QPointer<InstanceAccess> m_access;
    std::vector<ssh::ForwardStats> m_rows;
    QLocale m_locale;
};

} // namespace suanli::access
