package org.ncbgateway.cli.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Whether the heap after GC grew over a soak: least-squares lines of the heap over the notices answered
 * (KB a notice) and over time (MB an hour), through every slice. The heap is flat when the growth per
 * notice is within twice its standard error of zero, that is, no larger than the slices' scatter around
 * the line can make it by chance.
 *
 * @param slices the soak's slices fitted
 * @param firstMb heap after GC at the end of the first slice
 * @param lastMb heap after GC at the end of the last slice
 * @param kbPerNotice fitted growth per notice answered
 * @param kbPerNoticeError standard error of {@code kbPerNotice}
 * @param mbPerHour fitted growth per hour of the soak
 * @param flat {@code kbPerNotice} within two standard errors of zero
 */
record HeapTrend(int slices, double firstMb, double lastMb, double kbPerNotice, double kbPerNoticeError,
                 double mbPerHour, boolean flat) {

    /** The trend of a soak of three slices or more (fewer fit no line worth a verdict). */
    static HeapTrend of(List<BenchReport.SoakPoint> points) {
        if (points.size() < 3) {
            throw new IllegalArgumentException("a heap trend needs 3 slices or more, not " + points.size());
        }
        Line perNotice = Line.fit(points, p -> p.answered(), BenchReport.SoakPoint::heapAfterGcMb);
        Line perSecond = Line.fit(points, BenchReport.SoakPoint::seconds, BenchReport.SoakPoint::heapAfterGcMb);
        double kb = perNotice.slope() * 1024;
        double error = perNotice.slopeError() * 1024;
        return new HeapTrend(points.size(), points.get(0).heapAfterGcMb(), points.get(points.size() - 1).heapAfterGcMb(),
                kb, error, perSecond.slope() * 3600, Math.abs(kb) <= 2 * error);
    }

    /** A least-squares line y = a + slope x, with the standard error of its slope. */
    private record Line(double slope, double slopeError) {

        static Line fit(List<BenchReport.SoakPoint> points, ToDoubleFunction<BenchReport.SoakPoint> x,
                        ToDoubleFunction<BenchReport.SoakPoint> y) {
            int n = points.size();
            double meanX = points.stream().mapToDouble(x).average().orElseThrow();
            double meanY = points.stream().mapToDouble(y).average().orElseThrow();
            double sxx = 0;
            double sxy = 0;
            for (BenchReport.SoakPoint p : points) {
                sxx += (x.applyAsDouble(p) - meanX) * (x.applyAsDouble(p) - meanX);
                sxy += (x.applyAsDouble(p) - meanX) * (y.applyAsDouble(p) - meanY);
            }
            if (sxx == 0) {
                throw new IllegalArgumentException("every slice at the same point: no line to fit");
            }
            double slope = sxy / sxx;
            double intercept = meanY - slope * meanX;
            double residuals = 0;
            for (BenchReport.SoakPoint p : points) {
                double r = y.applyAsDouble(p) - intercept - slope * x.applyAsDouble(p);
                residuals += r * r;
            }
            return new Line(slope, Math.sqrt(residuals / (n - 2) / sxx));
        }
    }
}
