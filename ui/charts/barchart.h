#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>

namespace suanli::ui::charts {

class BarChartView;

/// Chart adapter: one bar per category (a day of the month), a y axis with its unit and a
/// hover readout of the bar under the pointer. Qt Charts stays inside ui/charts.
class BarChart : public QWidget
{
    Q_OBJECT
public:
    BarChart(const QString &title, const QString &unit, QWidget *parent = nullptr);
    ~BarChart() override;

    /// Whole vectors: the categories (short axis labels: "1" … "31") and their values, same
    /// length; `names` (optional, same length) name the bars in readouts ("3/3/26").
    void setBars(const QStringList &categories, const QList<double> &values, double yMax,
                 const QStringList &names = {});
    void setTitle(const QString &title);
    void setValueFormatter(std::function<QString(double)> format) { m_format = std::move(format); }
    QString readout(int index) const;

    // For tests.
    QList<double> values() const { return m_values; }
    QStringList categories() const { return m_categories; }
    double yMax() const;

private:
    BarChartView *m_view;
    QStringList m_categories;
    QStringList m_names;
    QList<double> m_values;
    std::function<QString(double)> m_format;
};

} // namespace suanli::ui::charts
