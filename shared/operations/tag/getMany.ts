import { sampleTag } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callList } from '../v2';

export const getManyTags = defineOperation({
	resource: 'tag',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many tags',
	description: "List the team's tags; a tag's name is what Add to Call and Remove from Call take",
	endpoints: ['listTags'],
	fields: [],
	sample: { ...sampleTag },
	execute: callList('listTags'),
});
