// 41 levels of nested choices: the deepest bink can load
* c1
** c2
*** c3
**** c4
***** c5
****** c6
******* c7
******** c8
********* c9
********** c10
*********** c11
************ c12
************* c13
************** c14
*************** c15
**************** c16
***************** c17
****************** c18
******************* c19
******************** c20
********************* c21
********************** c22
*********************** c23
************************ c24
************************* c25
************************** c26
*************************** c27
**************************** c28
***************************** c29
****************************** c30
******************************* c31
******************************** c32
********************************* c33
********************************** c34
*********************************** c35
************************************ c36
************************************* c37
************************************** c38
*************************************** c39
**************************************** c40
***************************************** c41
  -> END
// choose: 1
// expect choice: c1
// expect: c1
// choose: 1
// expect choice: c2
// expect: c2
// choose: 1
// expect choice: c3
// expect: c3
// choose: 1
// expect choice: c4
// expect: c4
// choose: 1
// expect choice: c5
// expect: c5
// choose: 1
// expect choice: c6
// expect: c6
// choose: 1
// expect choice: c7
// expect: c7
// choose: 1
// expect choice: c8
// expect: c8
// choose: 1
// expect choice: c9
// expect: c9
// choose: 1
// expect choice: c10
// expect: c10
// choose: 1
// expect choice: c11
// expect: c11
// choose: 1
// expect choice: c12
// expect: c12
// choose: 1
// expect choice: c13
// expect: c13
// choose: 1
// expect choice: c14
// expect: c14
// choose: 1
// expect choice: c15
// expect: c15
// choose: 1
// expect choice: c16
// expect: c16
// choose: 1
// expect choice: c17
// expect: c17
// choose: 1
// expect choice: c18
// expect: c18
// choose: 1
// expect choice: c19
// expect: c19
// choose: 1
// expect choice: c20
// expect: c20
// choose: 1
// expect choice: c21
// expect: c21
// choose: 1
// expect choice: c22
// expect: c22
// choose: 1
// expect choice: c23
// expect: c23
// choose: 1
// expect choice: c24
// expect: c24
// choose: 1
// expect choice: c25
// expect: c25
// choose: 1
// expect choice: c26
// expect: c26
// choose: 1
// expect choice: c27
// expect: c27
// choose: 1
// expect choice: c28
// expect: c28
// choose: 1
// expect choice: c29
// expect: c29
// choose: 1
// expect choice: c30
// expect: c30
// choose: 1
// expect choice: c31
// expect: c31
// choose: 1
// expect choice: c32
// expect: c32
// choose: 1
// expect choice: c33
// expect: c33
// choose: 1
// expect choice: c34
// expect: c34
// choose: 1
// expect choice: c35
// expect: c35
// choose: 1
// expect choice: c36
// expect: c36
// choose: 1
// expect choice: c37
// expect: c37
// choose: 1
// expect choice: c38
// expect: c38
// choose: 1
// expect choice: c39
// expect: c39
// choose: 1
// expect choice: c40
// expect: c40
// choose: 1
// expect choice: c41
// expect: c41
