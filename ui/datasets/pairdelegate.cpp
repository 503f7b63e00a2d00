#include "pairdelegate.h"

#include "app/datasets/datasetpairmodel.h"

#include <QApplication>
#include <QFileInfo>
#include <QLocale>
#include <QPainter>

using namespace Qt::StringLiterals;
using suanli::datasets::DatasetPairModel;

namespace suanli::ui {

namespace {
constexpr int kPad = 8;
constexpr int kBarHeight = 6;
} // namespace

PairDelegate::PairDelegate(std::function<QString(const QString &)> instanceText, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_instanceText(std::move(instanceText))
{
}

QString PairDelegate::stateText(const QModelIndex &index)
{
    const QLocale locale;
    if (index.data(DatasetPairModel::RunningRole).toBool()) {
        const qint64 total = index.data(DatasetPairModel::BytesTotalRole).toLongLong();
        const qint64 done = index.data(DatasetPairModel::BytesDoneRole).toLongLong();
        if (index.data(DatasetPairModel::PausedRole).toBool())
            return tr("Paused at %1 of %2")
                .arg(locale.formattedDataSize(done, 1, QLocale::DataSizeSIFormat),
                     locale.formattedDataSize(total, 1, QLocale::DataSizeSIFormat));
        if (total <= 0)
            return tr("Comparing both sides…");
        return tr("Syncing · %1 % · %2/s")
            .arg(done * 100 / total)
            .arg(locale.formattedDataSize(
                qint64(index.data(DatasetPairModel::RateRole).toDouble()), 1,
                QLocale::DataSizeSIFormat));
    }
    const QString error = index.data(DatasetPairModel::LastErrorRole).toString();
    if (!error.isEmpty())
        return error;
    return {};
}

void PairDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal
                                                                             : QPalette::Disabled;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText
                                                             : QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.65f);

    const QString folder = index.data(DatasetPairModel::LocalFolderRole).toString();
    const auto direction = sync::Direction(index.data(DatasetPairModel::DirectionRole).toInt());
    const QString instance = m_instanceText(index.data(DatasetPairModel::InstanceIdRole).toString());
    const QString remote = index.data(DatasetPairModel::RemotePathRole).toString();
    const QString arrow = direction == sync::Direction::Upload ? u"→"_s : u"←"_s;

    QRect r = option.rect.adjusted(kPad, kPad / 2 + 2, -kPad, -kPad / 2);
    painter->save();
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(option.font);
    painter->setFont(bold);
    painter->setPen(text);
    QString name = QFileInfo(folder).fileName();
    if (name.isEmpty())
        name = folder;
    painter->drawText(QRect(r.left(), r.top(), r.width(), boldMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(name, Qt::ElideMiddle, r.width()));
    r.setTop(r.top() + boldMetrics.height() + 2);

    painter->setFont(option.font);
    painter->setPen(muted);
    const QString route = tr("%1 %2 %3:%4").arg(folder, arrow, instance, remote);
    painter->drawText(QRect(r.left(), r.top(), r.width(), metrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(route, Qt::ElideMiddle, r.width()));
    r.setTop(r.top() + metrics.height() + 3);

    const bool running = index.data(DatasetPairModel::RunningRole).toBool();
    const QString state = stateText(index);
    if (running) {
        const qint64 total = index.data(DatasetPairModel::BytesTotalRole).toLongLong();
        const qint64 done = index.data(DatasetPairModel::BytesDoneRole).toLongLong();
        const QRect bar(r.left(), r.top() + (metrics.height() - kBarHeight) / 2, r.width() / 3,
                        kBarHeight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(option.palette.color(group, QPalette::Midlight));
        painter->drawRoundedRect(bar, 3, 3);
        if (total > 0) {
            QRect fill = bar;
            fill.setWidth(int(qint64(bar.width()) * qMin(done, total) / total));
            painter->setBrush(index.data(DatasetPairModel::PausedRole).toBool()
                                  ? QColor(u"#b54708"_s)
                                  : (selected ? text : option.palette.color(group, QPalette::Highlight)));
            painter->drawRoundedRect(fill, 3, 3);
        }
        r.setLeft(bar.right() + kPad);
    }
    if (!state.isEmpty()) {
        const bool error = !running && !index.data(DatasetPairModel::LastErrorRole).toString().isEmpty();
        painter->setPen(error && !selected ? QColor(u"#b42318"_s) : muted);
        painter->drawText(QRect(r.left(), r.top(), r.width(), metrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(state, Qt::ElideRight, r.width()));
    }
    painter->restore();
}

QSize PairDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int height = QFontMetrics(bold).height() + 2 * QFontMetrics(option.font).height() + 5
        + kPad + 2;
    return {200, height};
}

} // namespace suanli::ui
