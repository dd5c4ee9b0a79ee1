package org.knowledgehub.trends;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small workbook in the VASyR vault layout, written with POI: a title merged over the table,
 * headings on three levels with merged group cells and the statistic last, the Total row, a
 * Governorate and a District section, and a breakdown section; a metadata sheet before it.
 */
final class VaultWorkbook {

    private VaultWorkbook() {
    }

    static byte[] bytes() throws IOException {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet meta = wb.createSheet("META_Data");
            meta.createRow(0).createCell(0).setCellValue("Sector");
            meta.createRow(1).createCell(0).setCellValue("Economic Vulnerability");

            Sheet s = wb.createSheet("MEB_SMEB");
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            s.createRow(0).createCell(0).setCellValue("SMEB & POVERTY");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            Row groups = s.createRow(1);
            groups.createCell(1).setCellValue("Household MEB/SMEB Categories");
            s.addMergedRegion(new CellRangeAddress(1, 2, 1, 2));
            groups.createCell(3).setCellValue("Debt per Household (all Households)");
            s.addMergedRegion(new CellRangeAddress(1, 2, 3, 3));
            groups.createCell(4).setCellValue("Sample");
            s.addMergedRegion(new CellRangeAddress(1, 2, 4, 4));
            Row categories = s.createRow(3);
            categories.createCell(1).setCellValue("< SMEB (87US$)");
            categories.createCell(2).setCellValue("SMEB-MEB (87-113US$)");
            Row statistics = s.createRow(4);
            statistics.createCell(1).setCellValue("Row N %");
            statistics.createCell(2).setCellValue("Row N %");
            statistics.createCell(3).setCellValue("Mean");
            statistics.createCell(4).setCellValue("Unweighted Count");
            Object[][] rows = {
                    {"Total", 0.5495804993069183, 0.18, 1033.64, 4727},
                    {"Governorate"},
                    {"Bekaa", 0.7162791376451151, 0.17, 1234.79, 620},
                    {"Baalbek-El Hermel", 0.7753905727124898, 0.11, 867.56, 540},
                    {"Atlantis", 0.5, 0.2, 100.0, 10},
                    {"District"},
                    {"Zahleh", 0.7096774193548402, 0.18, 1285.77, 170},
                    {"Akkar", 0.7086092715231839, 0.16, 724.76, 489},
                    {"Gender of Head of Household"},
                    {"Female", 0.63, 0.16, 770.01, 900},
            };
            for (int i = 0; i < rows.length; i++) {
                Row row = s.createRow(5 + i);
                row.createCell(0).setCellValue((String) rows[i][0]);
                for (int c = 1; c < rows[i].length; c++) {
                    var cell = row.createCell(c);
                    cell.setCellValue(((Number) rows[i][c]).doubleValue());
                    if (c == 1) {
                        cell.setCellStyle(percent);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
