/** atMost, atLeast, equals and sumOf: one side against another, per row or over all rows. */
import { describe, expect, test } from 'vitest';
import { count, date, fields, grid, section, table } from './fields.ts';
import { atLeast, atMost, equals, sumOf } from './rules.ts';
import { validateData } from './validate.ts';
import * as z from './zod.ts';

const L = (vi: string) => ({ vi, en: vi });
const tests = section({ label: L('Xét nghiệm') }, {
  tested: count({ label: L('Số người được xét nghiệm'), max: 1000 }),
  positive: count({ label: L('Số ca dương tính'), max: 1000 }),
});

describe('atMost', () => {
  const schema = fields({ tests }, [atMost('tests.positive', 'tests.tested')]);

  test('a side above the other is refused beside the field, with a message made from both labels', () => {
    expect(validateData(schema, { tests: { tested: 10, positive: 1200 - 1189 } })).toEqual({
      ok: false,
      fields: { 'tests.positive': ['Số ca dương tính không được lớn hơn số người được xét nghiệm (10).'] },
    });
  });

  test('equal sides pass', () => {
    expect(validateData(schema, { tests: { tested: 10, positive: 10 } })).toEqual({ ok: true, data: { tests: { tested: 10, positive: 10 } } });
  });

  test('a constant limit, and a message given by the form with both sides in it', () => {
    const limited = fields({ tests }, [atMost('tests.positive', 5), atMost('tests.tested', 1, 'Quá nhiều: {value} > {limit}.')]);
    expect(validateData(limited, { tests: { tested: 234, positive: 6 } })).toEqual({
      ok: false,
      fields: { 'tests.positive': ['Số ca dương tính không được lớn hơn 5.'], 'tests.tested': ['Quá nhiều: 234 > 1.'] },
    });
  });

  test('a grid adds up its cells; a sum of table columns adds up every row, 0 for no rows', () => {
    const schema = fields(
      {
        doses: grid({ label: L('Số liều đã tiêm'), max: 10_000 }, [{ key: 'd1', label: L('Mũi 1') }, { key: 'd2', label: L('Mũi 2') }], [{ key: 'all', label: L('Mọi tuổi') }]),
        stock: table({ label: L('Vắc xin'), rowLabel: L('loại vắc xin'), maxRows: 5 }, {
          opening: count({ label: L('Tồn đầu ngày'), max: 10_000 }),
          received: count({ label: L('Nhận trong ngày'), max: 10_000 }),
        }),
      },
      [atMost('doses', sumOf('stock.*.opening', 'stock.*.received'))],
    );
    const day = (d1: number, stock: Array<{ opening: number; received: number }>) => ({ doses: { d1: { all: d1 }, d2: { all: 5 } }, stock });
    expect(validateData(schema, day(95, [{ opening: 60, received: 0 }, { opening: 30, received: 10 }]))).toMatchObject({ ok: true });
    expect(validateData(schema, day(96, [{ opening: 60, received: 0 }, { opening: 30, received: 10 }]))).toEqual({
      ok: false,
      fields: { doses: ['Số liều đã tiêm không được lớn hơn tổng tồn đầu ngày, nhận trong ngày (100).'] },
    });
    expect(validateData(schema, day(0, []))).toEqual({
      ok: false,
      fields: { doses: ['Số liều đã tiêm không được lớn hơn tổng tồn đầu ngày, nhận trong ngày (0).'] },
    });
  });
});

describe('atLeast and equals', () => {
  test('per row: the same * on both sides is the same row, and dates compare as dates', () => {
    const schema = fields(
      {
        plan: table({ label: L('Kế hoạch'), rowLabel: L('dòng'), maxRows: 5 }, {
          from: date({ label: L('Ngày bắt đầu') }),
          to: date({ label: L('Ngày kết thúc') }),
        }),
      },
      [atLeast('plan.*.to', 'plan.*.from')],
    );
    expect(validateData(schema, { plan: [{ from: '2021-06-01', to: '2021-06-01' }, { from: '2021-06-10', to: '2021-06-09' }, { from: '2021-06-01', to: '2021-07-01' }] })).toEqual({
      ok: false,
      fields: { 'plan.1.to': ['Ngày kết thúc không được trước ngày bắt đầu (10/06/2021).'] },
    });
  });

  test('numbers below the other side, and a total that must equal its parts', () => {
    const schema = fields(
      {
        people: section({ label: L('Đối tượng') }, {
          total: count({ label: L('Tổng số'), max: 1000 }),
          men: count({ label: L('Nam'), max: 1000 }),
          women: count({ label: L('Nữ'), max: 1000 }),
        }),
      },
      [equals('people.total', sumOf('people.men', 'people.women')), atLeast('people.men', 'people.women')],
    );
    expect(validateData(schema, { people: { total: 30, men: 10, women: 20 } })).toEqual({
      ok: false,
      fields: { 'people.men': ['Nam không được nhỏ hơn nữ (20).'] },
    });
    expect(validateData(schema, { people: { total: 31, men: 20, women: 10 } })).toEqual({
      ok: false,
      fields: { 'people.total': ['Tổng số phải bằng tổng nam, nữ (30).'] },
    });
  });

  test('a field left out is not compared', () => {
    const schema = fields({ a: z.optional(count({ label: L('Số ca'), max: 9 })), b: z.optional(count({ label: L('Số mẫu'), max: 9 })) }, [atMost('a', 'b')]);
    expect(validateData(schema, { a: 3 })).toEqual({ ok: true, data: { a: 3 } });
    expect(validateData(schema, { b: 3 })).toEqual({ ok: true, data: { b: 3 } });
    expect(validateData(schema, { a: 3, b: 2 })).toEqual({ ok: false, fields: { a: ['Số ca không được lớn hơn số mẫu (2).'] } });
  });

  test('rules run only on an answer whose fields are valid: a type error is the one message', () => {
    const schema = fields({ tests }, [atMost('tests.positive', 'tests.tested')]);
    expect(validateData(schema, { tests: { tested: 'mười', positive: 11 } })).toEqual({
      ok: false,
      fields: { 'tests.tested': ['Vui lòng nhập một số nguyên.'] },
    });
  });
});
