import ExcelJS from 'exceljs';

const [src, dst] = process.argv.slice(2);
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(src!);
let n = 0;
wb.eachSheet((ws) =>
  ws.eachRow((row) =>
    row.eachCell((c) => {
      const v = c.value as { formula?: string } | null;
      if (v && typeof v === 'object' && 'formula' in v && v.formula) {
        c.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        n++;
      }
    }),
  ),
);
await wb.xlsx.writeFile(dst!);
console.log('formulas', n);
