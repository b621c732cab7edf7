import type { FieldDeclaration, InputOf, OperationDeclaration, TypedDeclaration } from './types';

/**
 * Declares an operation. Its fields keep their literal types, so `execute` gets each field typed
 * from its declaration (`input.to` is a string), as Zapier's `defineInputFields` does.
 */
export const defineOperation = <const Fields extends readonly FieldDeclaration[]>(
	declaration: TypedDeclaration<Fields>,
): OperationDeclaration<InputOf<Fields>> => declaration;
